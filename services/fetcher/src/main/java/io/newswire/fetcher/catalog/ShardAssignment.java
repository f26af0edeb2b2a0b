package io.newswire.fetcher.catalog;

import io.newswire.kafka.KafkaClients;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Which shards of {@code newswire.sources} this instance runs, decided by Kafka: the fetcher
 * instances are one consumer group on the topic, so a partition (and with it every host whose
 * sources hash to it) belongs to one instance at a time. Adding an instance moves partitions to it;
 * an instance that stops or dies (no heartbeat for the session timeout) has its partitions moved to
 * the others. The consumer reads nothing (its partitions stay paused): it is only there for the
 * assignment, which is handed to {@code onChange} synchronously, so an instance has stopped a
 * revoked host's sources before the new owner is told it owns them.
 */
public final class ShardAssignment implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ShardAssignment.class);

  private final String topic;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Consumer<Set<Integer>> onChange;
  private final Set<Integer> owned = new TreeSet<>();
  private volatile boolean running = true;
  private volatile boolean joined;
  private Thread thread;

  public ShardAssignment(
      KafkaClients kafka,
      String topic,
      String groupId,
      String clientId,
      Duration sessionTimeout,
      Consumer<Set<Integer>> onChange) {
    Map<String, Object> config = kafka.consumer(groupId, clientId);
    config.put(
        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
        CooperativeStickyAssignor.class.getName());
    config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
    config.put(
        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
        (int) Math.max(500, sessionTimeout.toMillis() / 5));
    this.topic = topic;
    this.consumer = new KafkaConsumer<>(config);
    this.onChange = onChange;
  }

  public ShardAssignment start() {
    consumer.subscribe(List.of(topic), new Listener());
    thread = new Thread(this::run, "source-shards");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  /** Whether the group has assigned this instance its share (possibly none) at least once. */
  public boolean joined() {
    return joined;
  }

  /** The partitions this instance owns now. */
  public synchronized Set<Integer> owned() {
    return Set.copyOf(owned);
  }

  private void run() {
    try {
      while (running) {
        consumer.poll(Duration.ofMillis(500));
      }
    } catch (WakeupException | InterruptException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.errorf(e, "source shards: stopped taking part in the assignment of %s", topic);
    } finally {
      // leaves the group at once, so the other instances take over this instance's hosts now
      consumer.close(Duration.ofSeconds(10));
    }
  }

  private final class Listener implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      consumer.pause(partitions);
      change(partitions, true);
      joined = true;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      change(partitions, false);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      change(partitions, false);
    }
  }

  private void change(Collection<TopicPartition> partitions, boolean added) {
    if (partitions.isEmpty()) {
      return;
    }
    Set<Integer> now;
    synchronized (this) {
      partitions.forEach(
          p -> {
            if (added) {
              owned.add(p.partition());
            } else {
              owned.remove(p.partition());
            }
          });
      now = Set.copyOf(owned);
    }
    LOG.infof(
        "source shards: %s %s, own %s",
        added ? "got" : "gave up",
        partitions.stream().map(TopicPartition::partition).toList(),
        new TreeSet<>(now));
    onChange.accept(now);
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    if (thread != null) {
      try {
        thread.join(15_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
