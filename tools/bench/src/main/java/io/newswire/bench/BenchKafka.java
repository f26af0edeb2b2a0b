package io.newswire.bench;

import io.newswire.kafka.TopicSetup;
import io.newswire.model.CleanArticle;
import io.newswire.model.Json;
import io.newswire.model.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The benchmark's own Kafka clients. Input is produced inside one transaction: the services read
 * {@code read_committed}, so none of it is visible to them until {@link #commit()}, and the clock
 * can start at the moment all N documents appear in the topic at once, with the producing already
 * paid.
 */
final class BenchKafka implements AutoCloseable {
  private final KafkaProducer<String, byte[]> producer;
  private final KafkaConsumer<String, byte[]> reader;

  BenchKafka(String bootstrapServers) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      TopicSetup.ensure(admin, 60);
    }
    Map<String, Object> p = new HashMap<>();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    // the services' producer settings (KafkaClients.producer), plus a transaction
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "newswire-bench-input");
    p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 600_000);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producer = new KafkaProducer<>(p);
    producer.initTransactions();
    Map<String, Object> c = new HashMap<>();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    reader = new KafkaConsumer<>(c);
  }

  /**
   * Sends {@code n} records in a new transaction and waits until the broker holds them,
   * uncommitted.
   */
  void produceUncommitted(int n, IntFunction<ProducerRecord<String, byte[]>> record) {
    producer.beginTransaction();
    for (int i = 0; i < n; i++) {
      producer.send(record.apply(i));
    }
    producer.flush();
  }

  /** Commits the transaction: every record of it becomes visible to the services at once. */
  void commit() {
    producer.commitTransaction();
  }

  /** The last stable offset of each partition of {@code topic}. */
  Map<TopicPartition, Long> endOffsets(String topic) {
    return reader.endOffsets(partitions(topic));
  }

  /** Records now in the DLQs of the cleaner and the indexer. */
  long deadLetters() {
    long sum = 0;
    for (String topic : List.of(Topics.dlq(Topics.RAW), Topics.dlq(Topics.CLEAN))) {
      sum += endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }
    return sum;
  }

  /** The clean articles committed to newswire.clean between two sets of offsets. */
  List<CleanArticle> readClean(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
    List<CleanArticle> out = new ArrayList<>();
    reader.assign(from.keySet());
    from.forEach(reader::seek);
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (from.keySet().stream().anyMatch(tp -> reader.position(tp) < to.get(tp))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "could not read back newswire.clean up to " + to + " in 120 s");
      }
      for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(500))) {
        if (r.offset() < to.get(new TopicPartition(r.topic(), r.partition()))) {
          out.add(Json.read(r.value(), CleanArticle.class));
        }
      }
    }
    reader.unsubscribe();
    return out;
  }

  private List<TopicPartition> partitions(String topic) {
    List<TopicPartition> out = new ArrayList<>();
    for (PartitionInfo info : reader.partitionsFor(topic)) {
      out.add(new TopicPartition(topic, info.partition()));
    }
    return out;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
    reader.close();
  }
}
