package io.newswire.e2e;

import io.newswire.model.Alert;
import io.newswire.model.Json;
import io.newswire.model.Topics;
import io.newswire.testing.TopicSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What {@code newswire.alerts} holds. */
final class PublishedAlerts {
  private PublishedAlerts() {}

  /** How many alerts each article got from one rule, read from the start of the topic. */
  static Map<String, Integer> perArticle(String bootstrapServers, String ruleId) {
    Map<String, Integer> perArticle = new HashMap<>();
    for (Alert alert : of(bootstrapServers, ruleId)) {
      perArticle.merge(alert.articleId(), 1, Integer::sum);
    }
    return perArticle;
  }

  /**
   * Every record one rule published: its alerts and the copy records of later copies ({@link
   * Alert#copyOf}).
   */
  static List<Alert> of(String bootstrapServers, String ruleId) {
    return TopicSnapshot.read(bootstrapServers, Topics.ALERTS).stream()
        .map(r -> Json.read(r.value(), Alert.class))
        .filter(alert -> alert.ruleId().equals(ruleId))
        .toList();
  }
}
