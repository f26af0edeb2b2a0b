package io.newswire.alerter.match;

import io.newswire.model.Alert;
import io.newswire.model.CleanArticle;
import io.newswire.model.DocumentIds;
import io.newswire.model.SchemaVersions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The new alerts of one article: each matching rule once, skipping alerts already published. */
public final class AlertMatcher {
  private final RuleBook rules;
  private final AlertLedger ledger;
  private final Snippets snippets;

  public AlertMatcher(RuleBook rules, AlertLedger ledger) {
    this.rules = rules;
    this.ledger = ledger;
    this.snippets = new Snippets(rules.analyzer());
  }

  /**
   * @param pending ids produced earlier in the same uncommitted batch, also skipped
   */
  public List<Alert> alerts(CleanArticle article, List<String> pending) {
    List<Alert> out = new ArrayList<>();
    for (RuleBook.Match match : rules.match(article)) {
      String alertId = DocumentIds.forAlert(match.rule().id(), article.id());
      if (ledger.published(alertId) || pending.contains(alertId)) {
        continue;
      }
      Snippets.Highlight highlight =
          snippets.highlight(match.query(), article.title(), article.text());
      out.add(
          new Alert(
              SchemaVersions.ALERT,
              alertId,
              match.rule().id(),
              match.rule().name(),
              article.id(),
              article.title(),
              article.url(),
              highlight.matchedTerms(),
              highlight.snippet(),
              Instant.now()));
    }
    return out;
  }
}
