package io.newswire.model;

import java.time.Instant;
import java.util.List;

/**
 * A rule matched an article.
 *
 * @param alertId stable for one rule and one article ({@link DocumentIds#forAlert}), so a replayed
 *     article never alerts twice
 * @param snippet a passage of the article with the matched terms wrapped in {@code <em>}
 * @param source the source of the article
 * @param storyId the story of the article ({@link CleanArticle#storyId}); a rule alerts once per
 *     story, so {@code alertId} is {@link DocumentIds#forAlert} of the rule and the story
 * @param copyOf null for an alert; for a later copy of a story the rule already alerted on, the id
 *     of that alert: the record adds the copy's source and url to it, and no webhook is sent for it
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
    Instant matchedAt,
    String source,
    String storyId,
    String copyOf)
    implements Versioned {

  public Alert {
    matchedTerms = matchedTerms == null ? List.of() : List.copyOf(matchedTerms);
    storyId = storyId == null ? articleId : storyId;
  }

  @Override
  public int supportedSchemaVersion() {
    return SchemaVersions.ALERT;
  }
}
