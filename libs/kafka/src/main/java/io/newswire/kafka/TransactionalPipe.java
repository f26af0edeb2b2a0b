package io.newswire.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.jboss.logging.Logger;

/**
 * Consume, transform, produce, exactly once within Kafka: the outputs of a batch and the input
 * offsets they stand for are committed in one transaction, so a crash never yields two outputs of
 * one input. A record the step rejects goes to the input's DLQ inside the same transaction. A
 * failure the loop does not handle itself (the broker away for longer than a client waits) starts
 * it again with new clients ({@link LoopSupervisor}).
 */
public final class TransactionalPipe implements Runnable, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(TransactionalPipe.class);

  /** What a stage does with one record: the records to produce for it. */
  @FunctionalInterface
  public interface Step {
    /**
     * @throws Exception when the record cannot be handled; the message is the DLQ reason
     */
    List<ProducerRecord<String, byte[]>> apply(ConsumerRecord<String, byte[]> record)
        throws Exception;

    /** The batch applied since the last call is committed. */
    default void committed() {}

    /** The batch applied since the last call is aborted and will be applied again. */
    default void aborted() {}
  }

  private final KafkaClients clients;
  private final String stage;
  private final String inputTopic;
  private final String groupId;
  private final String transactionalId;
  private final int maxPollRecords;
  private final int parallelism;
  private final Step step;
  private final Running running = new Running();
  private final AtomicLong processed = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final LoopStatus status = new LoopStatus();
  private volatile boolean assigned;

  public TransactionalPipe(
      KafkaClients clients,
      String stage,
      String inputTopic,
      String groupId,
      String transactionalId,
      int maxPollRecords,
      Step step) {
    this(clients, stage, inputTopic, groupId, transactionalId, maxPollRecords, 1, step);
  }

  /**
   * @param parallelism records of a batch the step handles at once; above 1 the step must be
   *     thread-safe. Outputs are produced in input order whatever order they finish in.
   */
  public TransactionalPipe(
      KafkaClients clients,
      String stage,
      String inputTopic,
      String groupId,
      String transactionalId,
      int maxPollRecords,
      int parallelism,
      Step step) {
    if (parallelism < 1) {
      throw new IllegalArgumentException(
          stage + ": parallelism must be at least 1, not " + parallelism);
    }
    this.clients = clients;
    this.stage = stage;
    this.inputTopic = inputTopic;
    this.groupId = groupId;
    this.transactionalId = transactionalId;
    this.maxPollRecords = maxPollRecords;
    this.parallelism = parallelism;
    this.step = step;
  }

  public long processed() {
    return processed.get();
  }

  public long deadLettered() {
    return deadLettered.get();
  }

  /** True once the consumer has joined its group and holds its partitions. */
  public boolean ready() {
    return assigned;
  }

  /** Restarts of the loop and its last failure, for the stage's health check. */
  public LoopStatus status() {
    return status;
  }

  @Override
  public void run() {
    ExecutorService workers =
        parallelism == 1
            ? null
            : Executors.newFixedThreadPool(
                parallelism,
                r -> {
                  Thread t = new Thread(r, stage + "-worker");
                  t.setDaemon(true);
                  return t;
                });
    try {
      LoopSupervisor.run(
          stage + ": pipeline from " + inputTopic, running::get, status, () -> attempt(workers));
    } finally {
      if (workers != null) {
        workers.shutdownNow();
      }
    }
  }

  /** One run of the loop with its own clients; returns once closed or fenced. */
  private void attempt(ExecutorService workers) {
    clients.ensureTopics();
    Map<String, Object> producerConfig = clients.producer(stage + "-producer");
    producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    // a crashed instance's open transaction blocks read_committed readers until it times out
    producerConfig.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 15_000);
    Map<String, Object> consumerConfig = clients.consumer(groupId, stage + "-consumer");
    consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig);
        KafkaConsumer<String, byte[]> kafkaConsumer = new KafkaConsumer<>(consumerConfig)) {
      running.polling(kafkaConsumer);
      producer.initTransactions();
      kafkaConsumer.subscribe(List.of(inputTopic));
      while (running.get()) {
        ConsumerRecords<String, byte[]> records = kafkaConsumer.poll(Duration.ofMillis(200));
        assigned = !kafkaConsumer.assignment().isEmpty();
        status.lagOf(kafkaConsumer);
        if (records.isEmpty()) {
          continue;
        }
        try {
          processBatch(producer, kafkaConsumer, records, workers);
        } catch (ProducerFencedException | AuthorizationException e) {
          LOG.errorf(
              "%s: stopping, another instance took over transactional id %s: %s",
              stage, transactionalId, e.getMessage());
          return;
        } catch (KafkaException e) {
          if (!running.get()) {
            return;
          }
          LOG.warnf("%s: transaction aborted, the batch will be redone: %s", stage, e.getMessage());
          producer.abortTransaction();
          step.aborted();
          rewind(kafkaConsumer, records.partitions());
        }
      }
    } catch (RuntimeException | Error e) {
      step.aborted(); // whatever batch was open is done again by the next attempt
      throw e;
    } finally {
      assigned = false;
    }
  }

  private void processBatch(
      KafkaProducer<String, byte[]> producer,
      KafkaConsumer<String, byte[]> kafkaConsumer,
      ConsumerRecords<String, byte[]> records,
      ExecutorService workers) {
    producer.beginTransaction();
    List<Future<List<ProducerRecord<String, byte[]>>>> pending = new ArrayList<>();
    if (workers != null) {
      for (ConsumerRecord<String, byte[]> record : records) {
        pending.add(workers.submit(() -> outputsOf(record)));
      }
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    int i = 0;
    for (ConsumerRecord<String, byte[]> record : records) {
      status.working(record);
      List<ProducerRecord<String, byte[]>> outputs =
          workers == null ? outputsOf(record) : awaitOutputs(pending.get(i++));
      for (ProducerRecord<String, byte[]> out : outputs) {
        producer.send(out);
      }
      offsets.put(
          new TopicPartition(record.topic(), record.partition()),
          new OffsetAndMetadata(record.offset() + 1));
    }
    status.working(null);
    producer.sendOffsetsToTransaction(offsets, kafkaConsumer.groupMetadata());
    producer.commitTransaction();
    step.committed();
    processed.addAndGet(records.count());
    status.finished(records.count());
  }

  /**
   * The step's records for one input, or the input's dead letter when the step rejects it or
   * overflows the stack on it ({@link RecordFailures}); any other error ends the attempt.
   */
  List<ProducerRecord<String, byte[]>> outputsOf(ConsumerRecord<String, byte[]> record) {
    try {
      return step.apply(record);
    } catch (Exception | StackOverflowError e) {
      String reason = RecordFailures.reason(e);
      LOG.warnf(
          "%s: %s-%d@%d (key %s) rejected: %s",
          stage, record.topic(), record.partition(), record.offset(), record.key(), reason);
      deadLettered.incrementAndGet();
      return List.of(DeadLetters.of(record, stage, reason, e));
    }
  }

  private static List<ProducerRecord<String, byte[]>> awaitOutputs(
      Future<List<ProducerRecord<String, byte[]>>> outputs) {
    try {
      return outputs.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptException(e);
    } catch (ExecutionException e) {
      // outputsOf dead-letters every exception and stack overflow: only another Error gets here
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Goes back to the last committed offsets so an aborted batch is read again. */
  private void rewind(KafkaConsumer<String, byte[]> kafkaConsumer, Set<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> committed = kafkaConsumer.committed(partitions);
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata offset = committed.get(partition);
      if (offset != null) {
        kafkaConsumer.seek(partition, offset.offset());
      } else {
        kafkaConsumer.seekToBeginning(List.of(partition));
      }
    }
  }

  @Override
  public void close() {
    running.stop();
  }
}
