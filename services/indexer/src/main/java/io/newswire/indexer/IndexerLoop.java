package io.newswire.indexer;

import io.newswire.common.DeadLetterSink;
import io.newswire.common.KafkaClients;
import io.newswire.model.CleanArticle;
import io.newswire.model.EventException;
import io.newswire.model.Json;
import io.newswire.model.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * newswire.clean to Elasticsearch. A polled batch is resolved completely (each article indexed,
 * already there, or dead-lettered with Elasticsearch's reason) before its offsets are committed;
 * while Elasticsearch is unreachable or overloaded the batch is retried with backoff and the
 * consumer's partitions stay paused, so nothing is dropped and nothing past it is committed.
 */
public final class IndexerLoop implements Runnable, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(IndexerLoop.class);

  private final KafkaClients clients;
  private final Elastic es;
  private final IndexerConfig config;
  private final BulkWriter writer;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong indexed = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private volatile boolean ready;
  private volatile KafkaConsumer<String, byte[]> consumer;

  public IndexerLoop(KafkaClients clients, Elastic es, IndexerConfig config) {
    this.clients = clients;
    this.es = es;
    this.config = config;
    this.writer = new BulkWriter(es, config.alias());
  }

  public boolean ready() {
    return ready;
  }

  public long indexed() {
    return indexed.get();
  }

  public long deadLettered() {
    return deadLettered.get();
  }

  @Override
  public void run() {
    try {
      clients.ensureTopics();
      setUpIndex();
      Map<String, Object> consumerConfig = clients.consumer(config.groupId(), "indexer");
      consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.batchSize());
      try (KafkaConsumer<String, byte[]> kafkaConsumer = new KafkaConsumer<>(consumerConfig);
          KafkaProducer<String, byte[]> dlqProducer =
              new KafkaProducer<>(clients.producer("indexer-dlq"));
          Refresher refresher = refresher()) {
        consumer = kafkaConsumer;
        DeadLetterSink dlq = new DeadLetterSink(dlqProducer, "indexer");
        kafkaConsumer.subscribe(List.of(Topics.CLEAN));
        while (running.get()) {
          ConsumerRecords<String, byte[]> records = kafkaConsumer.poll(Duration.ofMillis(200));
          ready = !kafkaConsumer.assignment().isEmpty();
          if (!records.isEmpty()) {
            int added = index(kafkaConsumer, records, dlq);
            if (added > 0 && refresher != null) {
              refresher.written(added);
            }
            commit(kafkaConsumer, records);
          }
        }
      }
    } catch (WakeupException | InterruptException | InterruptedException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("Indexer stopped", e);
    } finally {
      ready = false;
    }
  }

  private void setUpIndex() throws InterruptedException {
    Backoff backoff = new Backoff();
    while (running.get()) {
      try {
        IndexSetup.ensure(es, config.alias(), config.initialIndex());
        return;
      } catch (IOException | IllegalStateException e) {
        long pause = backoff.next();
        LOG.warnf("Failed to set up index %s after %d attempt(s): %s; retrying in %d ms",
            config.alias(), backoff.attempts(), e.getMessage(), pause);
        Thread.sleep(pause);
      }
    }
  }

  /** Null when the index's own scheduled refresh is all there is. */
  private Refresher refresher() {
    Duration gap = config.refreshAfterWrite();
    return gap.isZero() || gap.isNegative() ? null : new Refresher(es, config.alias(), gap);
  }

  /** @return how many articles this batch added to the index */
  private int index(
      KafkaConsumer<String, byte[]> kafkaConsumer,
      ConsumerRecords<String, byte[]> records,
      DeadLetterSink dlq) {
    List<ConsumerRecord<String, byte[]>> pending = new ArrayList<>();
    List<CleanArticle> articles = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      try {
        articles.add(Json.read(record.value(), CleanArticle.class));
        pending.add(record);
      } catch (EventException e) {
        dlq.send(record, e.getMessage(), e);
        deadLettered.incrementAndGet();
      }
    }
    Backoff backoff = new Backoff();
    int added = 0;
    while (!pending.isEmpty() && running.get()) {
      List<BulkOutcome> outcomes;
      try {
        outcomes = writer.write(articles);
      } catch (IOException e) {
        BulkOutcome retry = new BulkOutcome(BulkOutcome.Kind.RETRY, "Elasticsearch unreachable: " + e.getMessage());
        outcomes = articles.stream().map(a -> retry).toList();
      }
      List<ConsumerRecord<String, byte[]>> retryRecords = new ArrayList<>();
      List<CleanArticle> retryArticles = new ArrayList<>();
      String retryReason = null;
      for (int i = 0; i < outcomes.size(); i++) {
        BulkOutcome outcome = outcomes.get(i);
        switch (outcome.kind()) {
          case INDEXED -> {
            indexed.incrementAndGet();
            added++;
          }
          case REJECTED -> {
            dlq.send(pending.get(i), "Elasticsearch rejected the article: " + outcome.reason(), null);
            deadLettered.incrementAndGet();
          }
          case RETRY -> {
            retryRecords.add(pending.get(i));
            retryArticles.add(articles.get(i));
            retryReason = outcome.reason();
          }
        }
      }
      pending = retryRecords;
      articles = retryArticles;
      if (!pending.isEmpty()) {
        long pause = backoff.next();
        LOG.warnf("Failed to index batch of %d after %d attempt(s): %s; retrying in %d ms",
            pending.size(), backoff.attempts(), retryReason, pause);
        waitPaused(kafkaConsumer, pause);
      }
    }
    return added;
  }

  /** Keeps the group membership alive while waiting, without taking in new records. */
  private void waitPaused(KafkaConsumer<String, byte[]> kafkaConsumer, long millis) {
    long until = System.currentTimeMillis() + millis;
    while (running.get() && System.currentTimeMillis() < until) {
      kafkaConsumer.pause(kafkaConsumer.assignment());
      ConsumerRecords<String, byte[]> arrived =
          kafkaConsumer.poll(Duration.ofMillis(Math.max(1, Math.min(500, until - System.currentTimeMillis()))));
      // partitions assigned during the wait were not paused yet: put their records back
      for (TopicPartition partition : arrived.partitions()) {
        kafkaConsumer.seek(partition, arrived.records(partition).get(0).offset());
      }
    }
    kafkaConsumer.resume(kafkaConsumer.paused());
  }

  private void commit(KafkaConsumer<String, byte[]> kafkaConsumer, ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<String, byte[]>> list = records.records(partition);
      offsets.put(partition, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
    }
    try {
      kafkaConsumer.commitSync(offsets);
    } catch (CommitFailedException e) {
      // the partitions moved to another instance, which redoes them; external versions make that a no-op
      LOG.warnf("Offsets not committed after a rebalance; the new owner re-indexes: %s", e.getMessage());
    }
  }

  @Override
  public void close() {
    running.set(false);
    KafkaConsumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
  }

  /** Exponential backoff with full jitter, between the configured floor and ceiling. */
  private final class Backoff {
    private int attempts;

    long next() {
      attempts++;
      long base = config.retryBackoff().toMillis();
      long ceiling = config.maxRetryBackoff().toMillis();
      long exp = Math.min(ceiling, base << Math.min(attempts - 1, 20));
      return Math.max(base, ThreadLocalRandom.current().nextLong(exp / 2, exp + 1));
    }

    int attempts() {
      return attempts;
    }
  }
}
