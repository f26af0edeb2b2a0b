package io.newswire.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics a service uses when they are missing, with compaction where the contract says. */
public final class TopicSetup {
  /** Partitions of the data topics: the ceiling on instances of one service that share work. */
  public static final int DATA_PARTITIONS = 3;

  /**
   * Largest record {@link Topics#RAW} accepts (its {@code max.message.bytes}): a fetched page or a
   * dropped file can be far larger than the broker's 1 MB default. Producers get this much room
   * ({@code max.request.size}); a larger record is refused at produce time with {@code
   * RecordTooLargeException}. The cleaner has its own, lower limit on what it parses
   * ({@code newswire.cleaner.max-raw-bytes}). The embedded broker and docker-compose set the same
   * value as the broker's {@code message.max.bytes}, so a raw topic created before this setting
   * (or auto-created) accepts as much.
   */
  public static final int RAW_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

  /**
   * Partitions of {@code newswire.sources}: the ceiling on fetcher instances that split the hosts,
   * and the number of groups the hosts are hashed into.
   */
  public static final int SOURCE_PARTITIONS = 12;

  private TopicSetup() {}

  /** Every topic of the pipeline, with its settings. */
  public static List<NewTopic> all() {
    List<NewTopic> topics = new ArrayList<>();
    topics.add(new NewTopic(Topics.RAW, DATA_PARTITIONS, (short) 1)
        .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(RAW_MAX_MESSAGE_BYTES))));
    topics.add(new NewTopic(Topics.dlq(Topics.RAW), 1, (short) 1));
    for (String topic : List.of(Topics.CLEAN, Topics.ALERTS)) {
      topics.add(new NewTopic(topic, DATA_PARTITIONS, (short) 1));
      topics.add(new NewTopic(Topics.dlq(topic), 1, (short) 1));
    }
    Map<String, String> compacted =
        Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    topics.add(new NewTopic(Topics.RULES, 1, (short) 1).configs(compacted));
    topics.add(new NewTopic(Topics.dlq(Topics.RULES), 1, (short) 1));
    topics.add(new NewTopic(Topics.SOURCES, SOURCE_PARTITIONS, (short) 1).configs(compacted));
    return topics;
  }

  /**
   * Creates whichever of {@link #all()} do not exist yet; existing topics are left as they are.
   *
   * @throws IllegalStateException if the broker does not answer within {@code timeoutSeconds}
   */
  public static void ensure(Admin admin, long timeoutSeconds) {
    try {
      Set<String> existing = admin.listTopics().names().get(timeoutSeconds, TimeUnit.SECONDS);
      List<NewTopic> missing =
          all().stream().filter(t -> !existing.contains(t.name())).toList();
      if (missing.isEmpty()) {
        return;
      }
      for (var entry : admin.createTopics(missing).values().entrySet()) {
        try {
          entry.getValue().get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          // another instance created it between our list and create
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "Could not create the Newswire topics within "
              + timeoutSeconds
              + " s; check kafka.bootstrap.servers points at a running broker",
          e);
    }
  }
}
