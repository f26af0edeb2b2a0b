package io.newswire.fetcher.catalog;

import io.newswire.fetcher.source.SourceDefinition;
import io.newswire.fetcher.source.SourceType;
import io.newswire.fetcher.source.SourcesFile;
import io.newswire.kafka.KafkaClients;
import io.newswire.kafka.TopicFollower;
import io.newswire.model.Json;
import io.newswire.model.SchemaVersions;
import io.newswire.model.Source;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.jboss.logging.Logger;

/**
 * Every source of the deployment, as read from the compacted {@code newswire.sources} topic: read
 * to its end at start, then followed, so a source added by any instance or by the CLI shows up here
 * within a poll. Which of them this instance runs is decided by {@link ShardAssignment}.
 */
public final class SourceCatalog implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SourceCatalog.class);
  private static final long LOAD_TIMEOUT_SECONDS = 120;

  /** Who owns a source: the sources file (edits there win) or the API ({@code sources add}). */
  public enum Origin {
    FILE,
    API
  }

  /** One source and where it lives on the topic. */
  public record Entry(String key, int partition, SourceDefinition definition, Origin origin) {}

  private final Map<String, Entry> byKey = new ConcurrentHashMap<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final String topic;
  private final TopicFollower follower;

  public SourceCatalog(KafkaClients kafka, String topic) {
    this.topic = topic;
    this.follower = new TopicFollower(kafka, topic, this::apply);
  }

  public String topic() {
    return topic;
  }

  /**
   * The shard of a source: its host (lower case), or {@code folder:<name>} for a watched folder.
   */
  public static String shard(SourceDefinition d) {
    String host = d.host();
    return host == null ? "folder:" + d.name() : host.toLowerCase(Locale.ROOT);
  }

  public static String key(SourceDefinition d) {
    return shard(d) + "/" + d.name();
  }

  /** The partition of a shard: what Kafka's default partitioner picks for the shard as key. */
  public static int partition(String shard, int partitions) {
    return Utils.toPositive(Utils.murmur2(shard.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  static byte[] write(SourceDefinition d, Origin origin) {
    return Json.write(
        new Source(
            SchemaVersions.SOURCE,
            d.name(),
            d.type().name().toLowerCase(Locale.ROOT),
            d.path(),
            d.url(),
            d.interval() == null ? null : d.interval().toString(),
            origin.name().toLowerCase(Locale.ROOT),
            Instant.now()));
  }

  static Entry read(String key, int partition, byte[] value) {
    Source s = Json.read(value, Source.class);
    SourceDefinition d =
        new SourceDefinition(
            s.name(),
            SourceType.parse(s.type()),
            s.path(),
            s.url(),
            SourcesFile.duration(s.interval()));
    Origin origin = "file".equalsIgnoreCase(s.origin()) ? Origin.FILE : Origin.API;
    return new Entry(key, partition, d, origin);
  }

  /** Reads the topic to its end, then keeps following it. */
  public void load() {
    follower.start();
    try {
      if (!follower.awaitCaughtUp(LOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "Could not read "
                + topic
                + " to its end within "
                + LOAD_TIMEOUT_SECONDS
                + " s; is kafka.bootstrap.servers right?");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading " + topic, e);
    }
    LOG.infof("sources: %d in %s", byKey.size(), topic);
  }

  /** Called after every change, from the thread that saw it. */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  private void apply(List<ConsumerRecord<String, byte[]>> batch) {
    boolean changed = false;
    for (ConsumerRecord<String, byte[]> r : batch) {
      if (r.key() == null) {
        continue;
      }
      try {
        changed |=
            r.value() == null ? forget(r.key()) : remember(read(r.key(), r.partition(), r.value()));
      } catch (RuntimeException e) {
        LOG.warnf(
            "sources: ignored %s-%d@%d (key %s): %s",
            r.topic(), r.partition(), r.offset(), r.key(), e.getMessage());
      }
    }
    if (changed) {
      listeners.forEach(Runnable::run);
    }
  }

  /** Records a write this instance made, before the follower reads it back. */
  boolean remember(Entry entry) {
    return !entry.equals(byKey.put(entry.key(), entry));
  }

  boolean forget(String key) {
    return byKey.remove(key) != null;
  }

  void changed() {
    listeners.forEach(Runnable::run);
  }

  /** All sources, by name. */
  public List<Entry> entries() {
    List<Entry> all = new ArrayList<>(byKey.values());
    all.sort(Comparator.comparing(e -> e.definition().name()));
    return all;
  }

  public Optional<Entry> byName(String name) {
    return byKey.values().stream().filter(e -> e.definition().name().equals(name)).findFirst();
  }

  @Override
  public void close() {
    follower.close();
  }
}
