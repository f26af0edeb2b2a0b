package io.newswire.e2e;

import io.newswire.model.Alert;
import io.newswire.model.Json;
import io.newswire.model.Topics;
import io.newswire.testing.TopicSnapshot;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What {@code newswire.alerts} holds. */
final class PublishedAlerts {
  private PublishedAlerts() {}

  /** How many alerts each article got from one rule, read from the start of the topic. */
  static Map<String, Integer> perArticle(String bootstrapServers, String ruleId) {
    Map<String, Integer> perArticle = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r : TopicSnapshot.read(bootstrapServers, Topics.ALERTS)) {
      Alert alert = Json.read(r.value(), Alert.class);
      if (alert.ruleId().equals(ruleId)) {
        perArticle.merge(alert.articleId(), 1, Integer::sum);
      }
    }
    return perArticle;
  }
}
