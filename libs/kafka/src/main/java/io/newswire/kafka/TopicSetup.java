package io.newswire.kafka;

import io.newswire.model.Topics;
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

/**
 * Creates the topics a service uses when they are missing, with compaction where the contract says.
 */
public final class TopicSetup {
  /** Partitions of the data topics: the ceiling on instances of one service that share work. */
  public static final int DATA_PARTITIONS = 3;

  /**
   * Largest record {@link Topics#RAW} accepts (its {@code max.message.bytes}): a fetched page or a
   * dropped file can be far larger than the broker's 1 MB default. Producers get this much room
   * ({@code max.request.size}); a larger record is refused at produce time with {@code
   * RecordTooLargeException}. The cleaner has its own, lower limit on what it parses ({@code
   * newswire.cleaner.max-raw-bytes}). The embedded broker and docker-compose set the same value as
   * the broker's {@code message.max.bytes}, so a raw topic created before this setting (or
   * auto-created) accepts as much.
   */
  public static final int RAW_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

  /**
   * Partitions of {@code newswire.sources}: the ceiling on fetcher instances that split the hosts,
   * and the number of groups the hosts are hashed into.
   */
  public static final int SOURCE_PARTITIONS = 12;

  /**
   * How long {@link Topics#STORIES} keeps an article's fingerprint: the longest {@code
   * newswire.cleaner.story-window} that survives a restart.
   */
  public static final long STORY_RETENTION_MS = 30L * 24 * 3600 * 1000;

  private TopicSetup() {}

  /**
   * How the topics are created (existing topics are left as they are).
   *
   * @param replicationFactor copies of each partition: 1 on the embedded broker, 3 in production
   * @param minInsyncReplicas copies a write must reach ({@code acks=all}): 1 embedded, 2 in
   *     production
   * @param dataPartitions partitions of raw, clean and alerts: the ceiling on instances of a stage
   * @param dlqRetentionMs how long dead letters wait to be replayed ({@code -1}: until deleted by
   *     hand)
   */
  public record Settings(
      short replicationFactor, int minInsyncReplicas, int dataPartitions, long dlqRetentionMs) {
    /** One broker, as {@code ./newswire up} and the tests run it. */
    public static final Settings SINGLE_BROKER =
        new Settings((short) 1, 1, DATA_PARTITIONS, 365L * 24 * 3600 * 1000);

    public Settings {
      if (replicationFactor < 1 || minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
        throw new IllegalArgumentException(
            "newswire.kafka.min-insync-replicas ("
                + minInsyncReplicas
                + ") must be between 1 and newswire.kafka.replication-factor ("
                + replicationFactor
                + ")");
      }
      if (dataPartitions < 1) {
        throw new IllegalArgumentException(
            "newswire.kafka.partitions must be at least 1, not " + dataPartitions);
      }
    }

    /** A compacted or plain topic of these settings. */
    public NewTopic topic(String name, int partitions, Map<String, String> configs) {
      Map<String, String> all = new java.util.HashMap<>(configs);
      all.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsyncReplicas));
      return new NewTopic(name, partitions, replicationFactor).configs(all);
    }

    /** A compacted topic: the latest record per key is kept (state, ledgers, catalogues). */
    public NewTopic compacted(String name, int partitions) {
      return topic(
          name,
          partitions,
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }
  }

  /** Every topic of the pipeline on a single broker. */
  public static List<NewTopic> all() {
    return all(Settings.SINGLE_BROKER);
  }

  /** Every topic of the pipeline, with its settings. */
  public static List<NewTopic> all(Settings settings) {
    List<NewTopic> topics = new ArrayList<>();
    // dead letters wait for a replay far longer than Kafka's default 7 days
    Map<String, String> letters =
        Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(settings.dlqRetentionMs()));
    topics.add(
        settings.topic(
            Topics.RAW,
            settings.dataPartitions(),
            Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(RAW_MAX_MESSAGE_BYTES))));
    topics.add(settings.topic(Topics.dlq(Topics.RAW), 1, letters));
    topics.add(settings.topic(Topics.CLEAN, settings.dataPartitions(), Map.of()));
    // keyed by alert id (rule and article): compacted, the alerter's de-duplication ledger, which
    // it reads back at start, never forgets an alert it published
    topics.add(settings.compacted(Topics.ALERTS, settings.dataPartitions()));
    topics.add(settings.topic(Topics.dlq(Topics.CLEAN), 1, letters));
    topics.add(settings.topic(Topics.dlq(Topics.ALERTS), 1, letters));
    topics.add(settings.compacted(Topics.RULES, 1));
    topics.add(settings.topic(Topics.dlq(Topics.RULES), 1, letters));
    topics.add(settings.compacted(Topics.SOURCES, SOURCE_PARTITIONS));
    // read whole by every cleaner at start: compacted, so a re-cleaned article keeps one record,
    // and
    // deleted after STORY_RETENTION_MS, so start-up does not read every article ever cleaned
    topics.add(
        settings.topic(
            Topics.STORIES,
            1,
            Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG,
                Long.toString(STORY_RETENTION_MS))));
    return topics;
  }

  /**
   * Creates whichever of {@link #all()} do not exist yet; existing topics are left as they are.
   *
   * @throws IllegalStateException if the broker does not answer within {@code timeoutSeconds}
   */
  public static void ensure(Admin admin, long timeoutSeconds) {
    ensure(admin, Settings.SINGLE_BROKER, timeoutSeconds);
  }

  /** {@link #ensure(Admin, long)} with the given settings. */
  public static void ensure(Admin admin, Settings settings, long timeoutSeconds) {
    ensure(admin, all(settings), timeoutSeconds);
  }

  /**
   * Creates whichever of {@code topics} do not exist yet, as {@link #ensure(Admin, long)} does the
   * pipeline's: the one place Newswire creates topics, a service's own (the fetcher's seen-state)
   * included.
   */
  public static void ensure(Admin admin, List<NewTopic> topics, long timeoutSeconds) {
    try {
      Set<String> existing = admin.listTopics().names().get(timeoutSeconds, TimeUnit.SECONDS);
      List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
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
          "Could not create the topics "
              + topics.stream().map(NewTopic::name).toList()
              + " within "
              + timeoutSeconds
              + " s; check kafka.bootstrap.servers points at a running broker",
          e);
    }
  }
}
