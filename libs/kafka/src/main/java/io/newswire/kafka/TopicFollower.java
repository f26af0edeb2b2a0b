package io.newswire.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Reads a whole topic from the beginning and then follows it, outside any consumer group, so every
 * instance sees every record: how each alerter rebuilds its rules from the compacted rules topic. A
 * failure the follower does not handle itself (the broker away for longer than a client waits)
 * starts it again with a new consumer where it had got to ({@link LoopSupervisor}), so the handler
 * sees no record twice and none is skipped.
 */
public final class TopicFollower implements Runnable, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(TopicFollower.class);

  private final KafkaClients clients;
  private final String topic;
  private final Consumer<List<ConsumerRecord<String, byte[]>>> handler;
  private final Running running = new Running();
  private final CountDownLatch caughtUp = new CountDownLatch(1);

  /** Where the next attempt resumes: the position after the last handled batch, per partition. */
  private final Map<TopicPartition, Long> positions = new HashMap<>();

  private Thread thread;

  /**
   * @param handler called with each polled batch of records, in order, tombstones (null values)
   *     included; an exception or a stack overflow from it is logged and the batch skipped
   */
  public TopicFollower(
      KafkaClients clients, String topic, Consumer<List<ConsumerRecord<String, byte[]>>> handler) {
    this.clients = clients;
    this.topic = topic;
    this.handler = handler;
  }

  /**
   * A follower that handles records one by one; an exception or a stack overflow skips only that
   * record.
   */
  public static TopicFollower perRecord(
      KafkaClients clients, String topic, Consumer<ConsumerRecord<String, byte[]>> handler) {
    return new TopicFollower(
        clients,
        topic,
        batch -> {
          for (ConsumerRecord<String, byte[]> record : batch) {
            try {
              handler.accept(record);
            } catch (RuntimeException | StackOverflowError e) {
              LOG.warnf(
                  "Skipped %s-%d@%d (key %s): %s",
                  topic,
                  record.partition(),
                  record.offset(),
                  record.key(),
                  RecordFailures.reason(e));
            }
          }
        });
  }

  public TopicFollower start() {
    thread = new Thread(this, "follow-" + topic);
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  /** Waits until everything on the topic when following began has been handled. */
  public boolean awaitCaughtUp(long timeout, TimeUnit unit) throws InterruptedException {
    return caughtUp.await(timeout, unit);
  }

  public boolean caughtUp() {
    return caughtUp.getCount() == 0;
  }

  @Override
  public void run() {
    LoopSupervisor.run("following " + topic, running::get, this::attempt);
  }

  /** One run of the follower with its own consumer; returns once closed. */
  private void attempt() {
    clients.ensureTopics();
    Map<String, Object> config = clients.consumer("unused", "follow-" + topic);
    config.remove(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG);
    config.put(
        org.apache.kafka.clients.consumer.ConsumerConfig.CLIENT_ID_CONFIG,
        "follow-" + topic + "-" + UUID.randomUUID());
    try (KafkaConsumer<String, byte[]> kafkaConsumer = new KafkaConsumer<>(config)) {
      running.polling(kafkaConsumer);
      List<TopicPartition> partitions = partitions(kafkaConsumer);
      kafkaConsumer.assign(partitions);
      kafkaConsumer.seekToBeginning(partitions);
      positions.forEach(
          (partition, offset) -> {
            if (partitions.contains(partition)) {
              kafkaConsumer.seek(partition, offset);
            }
          });
      Map<TopicPartition, Long> ends = kafkaConsumer.endOffsets(partitions);
      while (running.get()) {
        ConsumerRecords<String, byte[]> records = kafkaConsumer.poll(Duration.ofMillis(100));
        if (!records.isEmpty()) {
          List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
          records.forEach(batch::add);
          try {
            handler.accept(batch);
          } catch (RuntimeException | StackOverflowError e) {
            LOG.errorf(
                e, "Skipped %d record(s) of %s: %s", batch.size(), topic, RecordFailures.reason(e));
          }
          for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> handled = records.records(partition);
            positions.put(partition, handled.get(handled.size() - 1).offset() + 1);
          }
        }
        if (caughtUp.getCount() > 0
            && ends.entrySet().stream()
                .allMatch(e -> kafkaConsumer.position(e.getKey()) >= e.getValue())) {
          caughtUp.countDown();
        }
      }
    }
  }

  /** The topic's partitions; right after the topic was created they may take a moment to show. */
  private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafkaConsumer) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      List<TopicPartition> partitions =
          kafkaConsumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      if (!partitions.isEmpty() || System.nanoTime() > deadline) {
        return partitions;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return partitions;
      }
    }
  }

  @Override
  public void close() {
    running.stop();
  }
}
