package io.newswire.fetcher.state;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the fetcher's own compacted topics (seen-state, a non-default sources topic). */
public final class CompactedTopics {
  private static final long TIMEOUT_SECONDS = 30;

  private CompactedTopics() {}

  /** Creates {@code topic}, compacted, with {@code partitions}, if it is missing. */
  public static void ensure(Admin admin, String topic, int partitions) {
    ensure(admin, topic, partitions, io.newswire.kafka.TopicSetup.Settings.SINGLE_BROKER);
  }

  /** {@link #ensure(Admin, String, int)} with the deployment's replication settings. */
  public static void ensure(
      Admin admin, String topic, int partitions, io.newswire.kafka.TopicSetup.Settings settings) {
    try {
      if (admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).contains(topic)) {
        return;
      }
      NewTopic newTopic =
          settings.topic(
              topic,
              partitions,
              Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      admin.createTopics(List.of(newTopic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("Could not create the topic " + topic, e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating " + topic, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Could not create "
              + topic
              + " within "
              + TIMEOUT_SECONDS
              + " s; is kafka.bootstrap.servers right?",
          e);
    }
  }
}
