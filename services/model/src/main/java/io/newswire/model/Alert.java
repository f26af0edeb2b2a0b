package io.newswire.model;

import java.time.Instant;
import java.util.List;

/**
 * A rule matched an article.
 *
 * @param alertId stable for one rule and one article ({@link DocumentIds#forAlert}), so a replayed
 *     article never alerts twice
 * @param snippet a passage of the article with the matched terms wrapped in {@code <em>}
 */
public record Alert(
    int schemaVersion,
    String alertId,
    String ruleId,
    String ruleName,
    String articleId,
    String title,
    String url,
    List<String> matchedTerms,
    String snippet,
    Instant matchedAt)
    implements Versioned {

  public Alert {
    matchedTerms = matchedTerms == null ? List.of() : List.copyOf(matchedTerms);
  }

  @Override
  public int supportedSchemaVersion() {
    return SchemaVersions.ALERT;
  }
}
