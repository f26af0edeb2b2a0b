package io.newswire.indexer;

import io.newswire.kafka.DeadLetterSink;
import io.newswire.kafka.KafkaClients;
import io.newswire.kafka.LoopStatus;
import io.newswire.kafka.LoopSupervisor;
import io.newswire.kafka.RecordFailures;
import io.newswire.kafka.Running;
import io.newswire.model.CleanArticle;
import io.newswire.model.Json;
import io.newswire.model.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.jboss.logging.Logger;

/**
 * newswire.clean to Elasticsearch. A polled batch is resolved completely (each article indexed,
 * already there, or dead-lettered with Elasticsearch's reason) before its offsets are committed;
 * while Elasticsearch is unreachable or overloaded the batch is retried with backoff and the
 * consumer's partitions stay paused, so nothing is dropped and nothing past it is committed. An
 * article Elasticsearch refuses for good, alone or by having its whole request refused (too large,
 * invalid: see {@link BulkWriter}), is dead-lettered, so no article can hold its partition up. One
 * batch is in flight at a time; while it is, the next batch is polled, decoded and turned into its
 * requests, so Elasticsearch does not wait for the indexer between requests. A failure the loop
 * does not handle itself starts it again with new clients ({@link LoopSupervisor}).
 */
public final class IndexerLoop implements Runnable, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(IndexerLoop.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaClients clients;
  private final Elastic es;
  private final IndexerConfig config;
  private final BulkWriter writer;
  private final Running running = new Running();
  private final AtomicLong indexed = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final LoopStatus status = new LoopStatus();
  private volatile boolean ready;

  public IndexerLoop(KafkaClients clients, Elastic es, IndexerConfig config) {
    this.clients = clients;
    this.es = es;
    this.config = config;
    this.writer = new BulkWriter(es, config.alias(), config.maxBulkBytes());
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

  /** Restarts of the loop and its last failure, for the health check. */
  public LoopStatus status() {
    return status;
  }

  @Override
  public void run() {
    ExecutorService sender =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "indexer-bulk");
              t.setDaemon(true);
              return t;
            });
    try {
      LoopSupervisor.run(
          "indexer: " + Topics.CLEAN + " to Elasticsearch",
          running::get,
          status,
          () -> attempt(sender));
    } finally {
      ready = false;
      sender.shutdownNow();
    }
  }

  /** One run of the loop with its own clients; returns once closed. */
  private void attempt(ExecutorService sender) throws InterruptedException {
    clients.ensureTopics();
    setUpIndex();
    Map<String, Object> consumerConfig = clients.consumer(config.groupId(), "indexer");
    consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.batchSize());
    try (KafkaConsumer<String, byte[]> kafkaConsumer = new KafkaConsumer<>(consumerConfig);
        KafkaProducer<String, byte[]> dlqProducer =
            new KafkaProducer<>(clients.producer("indexer-dlq"));
        Refresher refresher = refresher()) {
      running.polling(kafkaConsumer);
      DeadLetterSink dlq = new DeadLetterSink(dlqProducer, "indexer");
      kafkaConsumer.subscribe(List.of(Topics.CLEAN));
      Batch inFlight = null;
      Future<List<BulkOutcome>> reply = null;
      while (running.get()) {
        // while a bulk request is out, take only what is already fetched: its reply must not wait
        // for a poll
        ConsumerRecords<String, byte[]> records =
            kafkaConsumer.poll(inFlight == null ? POLL : Duration.ZERO);
        ready = !kafkaConsumer.assignment().isEmpty();
        status.lagOf(kafkaConsumer);
        if (records.isEmpty() && inFlight == null && refresher != null) {
          refresher.caughtUp();
        }
        // the next batch is decoded and its request built while Elasticsearch works on the one in
        // flight
        Batch next = records.isEmpty() ? null : prepare(records, dlq);
        if (inFlight != null) {
          finish(kafkaConsumer, inFlight, reply, dlq, refresher);
          inFlight = null;
        }
        if (next != null && next.articles().isEmpty()) {
          commit(kafkaConsumer, next.records()); // all of it dead-lettered
        } else if (next != null) {
          reply = sender.submit(() -> writer.send(next.body()));
          inFlight = next;
        }
      }
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
        LOG.warnf(
            "Failed to set up index %s after %d attempt(s): %s; retrying in %d ms",
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

  /**
   * Decodes a polled batch, dead-letters what is not a readable article (or overflows the stack
   * being read: {@link RecordFailures}), builds the bulk requests.
   */
  private Batch prepare(ConsumerRecords<String, byte[]> records, DeadLetterSink dlq) {
    List<ConsumerRecord<String, byte[]>> pending = new ArrayList<>();
    List<CleanArticle> articles = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      status.working(record);
      try {
        articles.add(Json.read(record.value(), CleanArticle.class));
        pending.add(record);
      } catch (RuntimeException | StackOverflowError e) {
        dlq.send(record, RecordFailures.reason(e), e);
        deadLettered.incrementAndGet();
      }
    }
    status.working(null);
    return new Batch(records, pending, articles, articles.isEmpty() ? null : writer.body(articles));
  }

  /**
   * Waits for the batch's bulk reply, retries what Elasticsearch could not take until it is
   * resolved, then commits the batch's offsets. Nothing is committed when the loop is closing
   * before the batch was resolved: its records are read again.
   */
  private void finish(
      KafkaConsumer<String, byte[]> kafkaConsumer,
      Batch batch,
      Future<List<BulkOutcome>> reply,
      DeadLetterSink dlq,
      Refresher refresher)
      throws InterruptedException {
    List<BulkOutcome> outcomes;
    try {
      outcomes = reply.get();
    } catch (ExecutionException e) {
      // the writer answers unreachable Elasticsearch with outcomes: this is a bug, or the JVM's
      // trouble
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("Bulk request failed", e.getCause());
    }
    int added = resolve(kafkaConsumer, batch.pending(), batch.articles(), outcomes, dlq);
    if (added > 0 && refresher != null) {
      refresher.written(added);
    }
    if (running.get()) {
      commit(kafkaConsumer, batch.records());
    }
  }

  /**
   * Applies each article's outcome and sends the retryable ones again, with backoff and the
   * partitions paused, until none is left or the loop closes.
   *
   * @return how many articles this batch added to the index
   */
  private int resolve(
      KafkaConsumer<String, byte[]> kafkaConsumer,
      List<ConsumerRecord<String, byte[]>> pending,
      List<CleanArticle> articles,
      List<BulkOutcome> outcomes,
      DeadLetterSink dlq) {
    Backoff backoff = new Backoff();
    int added = 0;
    while (true) {
      List<ConsumerRecord<String, byte[]>> retryRecords = new ArrayList<>();
      List<CleanArticle> retryArticles = new ArrayList<>();
      String retryReason = null;
      for (int i = 0; i < outcomes.size(); i++) {
        BulkOutcome outcome = outcomes.get(i);
        switch (outcome.kind()) {
          case INDEXED -> {
            indexed.incrementAndGet();
            status.finished(1);
            added++;
          }
          case REJECTED -> {
            dlq.send(
                pending.get(i), "Elasticsearch rejected the article: " + outcome.reason(), null);
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
      if (pending.isEmpty() || !running.get()) {
        return added;
      }
      long pause = backoff.next();
      LOG.warnf(
          "Failed to index batch of %d after %d attempt(s): %s; retrying in %d ms",
          pending.size(), backoff.attempts(), retryReason, pause);
      waitPaused(kafkaConsumer, pause);
      if (!running.get()) {
        return added;
      }
      outcomes = writer.write(articles);
    }
  }

  /** Keeps the group membership alive while waiting, without taking in new records. */
  private void waitPaused(KafkaConsumer<String, byte[]> kafkaConsumer, long millis) {
    long until = System.currentTimeMillis() + millis;
    while (running.get() && System.currentTimeMillis() < until) {
      kafkaConsumer.pause(kafkaConsumer.assignment());
      ConsumerRecords<String, byte[]> arrived =
          kafkaConsumer.poll(
              Duration.ofMillis(Math.max(1, Math.min(500, until - System.currentTimeMillis()))));
      // partitions assigned during the wait were not paused yet: put their records back
      for (TopicPartition partition : arrived.partitions()) {
        kafkaConsumer.seek(partition, arrived.records(partition).get(0).offset());
      }
    }
    kafkaConsumer.resume(kafkaConsumer.paused());
  }

  private void commit(
      KafkaConsumer<String, byte[]> kafkaConsumer, ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<String, byte[]>> list = records.records(partition);
      offsets.put(partition, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
    }
    try {
      kafkaConsumer.commitSync(offsets);
    } catch (CommitFailedException e) {
      // the partitions moved to another instance, which redoes them; external versions make that a
      // no-op
      LOG.warnf(
          "Offsets not committed after a rebalance; the new owner re-indexes: %s", e.getMessage());
    } catch (TimeoutException e) {
      // the articles are indexed: the next commit covers them, and a restart before it re-indexes
      // them (409s)
      LOG.warnf("Offsets not committed, the broker did not answer in time: %s", e.getMessage());
    }
  }

  @Override
  public void close() {
    running.stop();
  }

  /** A polled batch: its records, the ones that are articles, and their bulk requests. */
  private record Batch(
      ConsumerRecords<String, byte[]> records,
      List<ConsumerRecord<String, byte[]>> pending,
      List<CleanArticle> articles,
      BulkBody body) {}

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
