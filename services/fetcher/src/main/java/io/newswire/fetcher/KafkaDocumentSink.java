package io.newswire.fetcher;

import io.newswire.fetcher.source.DocumentSink;
import io.newswire.fetcher.state.KafkaSeenStore;
import io.newswire.fetcher.state.SeenStore;
import io.newswire.kafka.DeadLetters;
import io.newswire.kafka.KafkaClients;
import io.newswire.model.Json;
import io.newswire.model.RawDocument;
import io.newswire.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.jboss.logging.Logger;

/**
 * Publishes each document on {@code newswire.raw} (keyed by id) together with its seen-state
 * record, in one Kafka transaction: a fetcher that dies at any moment has either published the
 * document and remembered it, or neither, so a restart neither loses nor repeats it. Dead letters
 * and their seen-state markers travel the same way.
 *
 * <p>Sources on several poll threads hand their records to one committer thread, which puts what
 * has queued up into one transaction (group commit) and then releases the waiting callers.
 */
final class KafkaDocumentSink implements DocumentSink, AutoCloseable {
  static final String STAGE = "fetcher";
  private static final Logger LOG = Logger.getLogger(KafkaDocumentSink.class);
  private static final long ACK_TIMEOUT_SECONDS = 60;
  private static final int MAX_BATCH = 500;

  private record Pending(
      List<ProducerRecord<String, byte[]>> records,
      Runnable committed,
      CompletableFuture<Void> done) {}

  private final Map<String, Object> producerConfig;

  /**
   * Used by the committer thread only, after the constructor; null after a failure it could not
   * roll back.
   */
  private Producer<String, byte[]> producer;

  private final KafkaSeenStore seen;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread committer;
  private volatile boolean running = true;
  private volatile RuntimeException fatal;

  /**
   * @param seen the seen-state it records in (on its topic, in each document's transaction) and
   *     sources read
   */
  KafkaDocumentSink(KafkaClients kafka, String transactionalId, KafkaSeenStore seen) {
    this.producerConfig = kafka.producer(transactionalId);
    producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    // a killed instance's open transaction holds back read_committed readers until it times out
    producerConfig.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 15_000);
    this.producer = openProducer();
    this.seen = seen;
    this.committer = new Thread(this::commitLoop, "raw-committer");
    this.committer.setDaemon(true);
    this.committer.start();
  }

  @Override
  public SeenStore seen() {
    return seen;
  }

  @Override
  public void emit(RawDocument document, String hash) {
    publish(
        List.of(
            new ProducerRecord<>(Topics.RAW, document.id(), Json.write(document)),
            seenRecord(document.id(), hash)),
        () -> seen.markSeen(document.id(), hash),
        document.url());
  }

  @Override
  public void reject(String key, byte[] value, String reason, Throwable error, String marker) {
    LOG.warnf("%s: %s goes to %s: %s", STAGE, key, Topics.dlq(Topics.RAW), reason);
    ProducerRecord<String, byte[]> letter =
        DeadLetters.of(Topics.RAW, key, value, STAGE, reason, error);
    if (marker == null) {
      publish(List.of(letter), () -> {}, key);
    } else {
      publish(List.of(letter, seenRecord(key, marker)), () -> seen.markSeen(key, marker), key);
    }
  }

  private ProducerRecord<String, byte[]> seenRecord(String id, String hash) {
    return new ProducerRecord<>(seen.topic(), id, hash.getBytes(StandardCharsets.UTF_8));
  }

  /** Queues the records for the next transaction and waits until it committed. */
  private void publish(
      List<ProducerRecord<String, byte[]>> records, Runnable committed, String what) {
    if (fatal != null) {
      throw fatal;
    }
    Pending pending = new Pending(records, committed, new CompletableFuture<>());
    queue.add(pending);
    try {
      pending.done().get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "Interrupted while publishing " + what + " (it may still be published, once)", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Could not publish " + what + " to " + Topics.RAW + ": " + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Could not publish "
              + what
              + " to "
              + Topics.RAW
              + " within "
              + ACK_TIMEOUT_SECONDS
              + " s",
          e);
    }
  }

  private void commitLoop() {
    List<Pending> batch = new ArrayList<>();
    while (running) {
      try {
        Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        commit(batch);
      } catch (RuntimeException e) {
        // the producer's state is unknown (say, a commit that timed out while the broker was away):
        // a new one, whose initTransactions() rolls back whatever the old one left open
        LOG.warnf(
            "publishing %d document(s) failed; their sources retry, with a new producer: %s",
            batch.size(), e.getMessage());
        batch.forEach(p -> p.done().completeExceptionally(e));
        discardProducer();
      } catch (InterruptedException e) {
        break;
      } finally {
        batch.clear();
      }
    }
    queue.forEach(
        p -> p.done().completeExceptionally(new IllegalStateException("the fetcher is stopping")));
  }

  private void commit(List<Pending> batch) {
    if (producer == null) {
      producer = openProducer();
    }
    try {
      producer.beginTransaction();
      for (Pending p : batch) {
        p.records().forEach(producer::send);
      }
      producer.commitTransaction();
    } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
      fatal =
          new IllegalStateException(
              "the fetcher cannot publish any more: "
                  + e.getMessage()
                  + " (another fetcher with the same newswire.instance-id took over?)",
              e);
      LOG.error(fatal.getMessage(), e);
      running = false;
      batch.forEach(p -> p.done().completeExceptionally(fatal));
      return;
    } catch (KafkaException e) {
      try {
        producer.abortTransaction();
      } catch (RuntimeException abortFailed) {
        e.addSuppressed(abortFailed);
        discardProducer();
      }
      LOG.warnf(
          "publishing %d document(s) failed and was rolled back; their sources retry: %s",
          batch.size(), e.getMessage());
      batch.forEach(p -> p.done().completeExceptionally(e));
      return;
    }
    for (Pending p : batch) {
      p.committed().run();
      p.done().complete(null);
    }
  }

  private Producer<String, byte[]> openProducer() {
    KafkaProducer<String, byte[]> opened = new KafkaProducer<>(producerConfig);
    try {
      opened.initTransactions();
    } catch (RuntimeException e) {
      opened.close(Duration.ZERO);
      throw e;
    }
    return opened;
  }

  private void discardProducer() {
    if (producer != null) {
      producer.close(Duration.ZERO);
      producer = null;
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      committer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (producer != null) {
      producer.close();
    }
  }
}
