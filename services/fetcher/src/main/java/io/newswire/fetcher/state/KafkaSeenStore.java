package io.newswire.fetcher.state;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The seen-state in a compacted topic keyed by document id, valued by content hash. Read fully at
 * start (so a restart re-emits nothing), then followed, so what another fetcher instance emitted
 * counts as seen here too. A hash is written only after the document itself was acknowledged: a
 * crash in between re-emits the document once, which the id-keyed index absorbs.
 */
public final class KafkaSeenStore implements SeenStore, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(KafkaSeenStore.class);
  private static final long TIMEOUT_SECONDS = 30;

  private final String topic;
  private final Producer<String, byte[]> producer;
  private final Consumer<String, byte[]> consumer;
  private final Map<String, String> hashes = new ConcurrentHashMap<>();
  private Thread follower;

  public KafkaSeenStore(String topic, Producer<String, byte[]> producer, Map<String, Object> consumerConfig) {
    this.topic = topic;
    this.producer = producer;
    Map<String, Object> config = new java.util.HashMap<>(consumerConfig);
    // partitions are assigned, not subscribed: every instance reads the whole state
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    this.consumer = new KafkaConsumer<>(config);
  }

  /** Creates the compacted topic if it is missing. */
  public static void ensureTopic(Admin admin, String topic) {
    try {
      if (admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).contains(topic)) {
        return;
      }
      NewTopic newTopic =
          new NewTopic(topic, 1, (short) 1)
              .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      admin.createTopics(List.of(newTopic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("Could not create the seen-state topic " + topic, e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating " + topic, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Could not create " + topic + " within " + TIMEOUT_SECONDS + " s; is kafka.bootstrap.servers right?", e);
    }
  }

  /** Reads the topic to its end, then keeps following it in the background. */
  public void load() {
    // right after the topic was created its metadata may not have reached this broker view yet
    List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(TIMEOUT_SECONDS));
    long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while ((infos == null || infos.isEmpty()) && System.nanoTime() < waitUntil) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + topic, e);
      }
      infos = consumer.partitionsFor(topic, Duration.ofSeconds(TIMEOUT_SECONDS));
    }
    if (infos == null || infos.isEmpty()) {
      throw new IllegalStateException("The seen-state topic " + topic + " has no partitions after " + TIMEOUT_SECONDS + " s");
    }
    List<TopicPartition> partitions =
        infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    long started = System.nanoTime();
    while (!caughtUp(end)) {
      apply(consumer.poll(Duration.ofMillis(200)));
      if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS * 4)) {
        throw new IllegalStateException("Could not read " + topic + " to its end within " + TIMEOUT_SECONDS * 4 + " s");
      }
    }
    LOG.infof("seen-state: %d document(s) from %s", hashes.size(), topic);
    follower = new Thread(this::follow, "seen-state-follower");
    follower.setDaemon(true);
    follower.start();
  }

  private boolean caughtUp(Map<TopicPartition, Long> end) {
    for (var e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private void follow() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        apply(consumer.poll(Duration.ofMillis(500)));
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.errorf(e, "seen-state: stopped following %s", topic);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void apply(Iterable<ConsumerRecord<String, byte[]>> records) {
    for (ConsumerRecord<String, byte[]> r : records) {
      if (r.key() == null) {
        continue;
      }
      if (r.value() == null) {
        hashes.remove(r.key());
      } else {
        hashes.put(r.key(), new String(r.value(), StandardCharsets.UTF_8));
      }
    }
  }

  @Override
  public String hash(String id) {
    return hashes.get(id);
  }

  @Override
  public void markSeen(String id, String hash) {
    try {
      producer
          .send(new ProducerRecord<>(topic, id, hash.getBytes(StandardCharsets.UTF_8)))
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      hashes.put(id, hash);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while writing to " + topic, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not record " + id + " as seen in " + topic, e);
    }
  }

  public Set<String> ids() {
    return hashes.keySet();
  }

  @Override
  public void close() {
    if (follower != null) {
      consumer.wakeup();
    } else {
      consumer.close();
    }
  }
}
