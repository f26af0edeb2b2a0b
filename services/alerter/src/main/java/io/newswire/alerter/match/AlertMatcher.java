package io.newswire.alerter.match;

import io.newswire.model.Alert;
import io.newswire.model.CleanArticle;
import io.newswire.model.DocumentIds;
import io.newswire.model.SchemaVersions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The new alerts of one article: each matching rule once per story (issue 13), skipping alerts
 * already published. The alert of a rule on a story has the id {@link DocumentIds#forAlert} of the
 * rule and the story, whichever copy raised it, so for the story's first article it is the id
 * alerts had before stories. A later copy matching a rule that already alerted on its story yields
 * a copy record instead ({@link Alert#copyOf}), keyed by rule and copy, so a replayed copy adds its
 * source once.
 */
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
   * @param pending ledger keys ({@link AlertLedger#keysOf}) of records produced earlier in the same
   *     uncommitted batch, also taken as published
   */
  public List<Alert> alerts(CleanArticle article, List<String> pending) {
    List<Alert> out = new ArrayList<>();
    for (RuleBook.Match match : rules.match(article)) {
      String ruleId = match.rule().id();
      String articleKey = DocumentIds.forAlert(ruleId, article.id());
      if (said(articleKey, pending)) {
        continue; // this article alerted or was added as a copy already
      }
      String storyAlertId = DocumentIds.forAlert(ruleId, article.storyId());
      boolean copy = said(storyAlertId, pending);
      Snippets.Highlight highlight =
          snippets.highlight(match.query(), article.title(), article.text());
      out.add(
          new Alert(
              SchemaVersions.ALERT,
              copy ? articleKey : storyAlertId,
              ruleId,
              match.rule().name(),
              article.id(),
              article.title(),
              article.url(),
              highlight.matchedTerms(),
              highlight.snippet(),
              Instant.now(),
              article.source(),
              article.storyId(),
              copy ? storyAlertId : null));
    }
    return out;
  }

  private boolean said(String key, List<String> pending) {
    return ledger.published(key) || pending.contains(key);
  }
}
