package io.newswire.console.alerts;

import java.util.List;

/**
 * One item of the alerter's {@code GET /alerts?after=N} (its AlertLedger.Entry): an alert
 * (libs/model's Alert) with its place in that alerter's feed. {@code copyOf} is null for an alert,
 * and for a later copy of a story the rule already alerted on, that alert's {@code alertId}.
 */
public record Entry(long sequence, Alert alert) {
  public record Alert(
      String alertId,
      String ruleId,
      String ruleName,
      String articleId,
      String title,
      String url,
      List<String> matchedTerms,
      String snippet,
      String matchedAt,
      String source,
      String storyId,
      String copyOf) {}
}
