package io.newswire.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.model.DeadLetters;
import io.newswire.model.KafkaConnection;
import io.newswire.model.Json;
import io.newswire.model.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./newswire dlq}: what the stages could not handle, with their reasons, read from every
 * {@code *.dlq} topic; and {@code ./newswire dlq replay}, which sends the dead letters of one DLQ
 * back to the topic they came from once their cause is fixed (a limit raised, a rule corrected).
 * Every stage that reads the topic sees a replayed record again; that is safe, since a document
 * keeps its id, so the index and the alerts stay one per report. A record that several stages
 * dead-lettered is sent back once; one whose value was cut when it was dead-lettered is not, nor
 * input refused before it became a record (a fetcher's unreadable file).
 */
public final class DlqCommand {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  /** One dead letter as read back; its value only when it is to be replayed. */
  private record Letter(String topic, int partition, long offset, Instant at, String key, byte[] value,
      int valueBytes, String stage, String reason, String originTopic, String origin, String exception,
      String truncatedFrom) {}

  private final KafkaConnection kafka;
  private final PrintStream out;

  public DlqCommand(String bootstrapServers, PrintStream out) {
    this(KafkaConnection.plaintext(bootstrapServers), out);
  }

  /** @param kafka the broker and, for a secured cluster, how to authenticate ({@code NEWSWIRE_KAFKA_CONFIG}) */
  public DlqCommand(KafkaConnection kafka, PrintStream out) {
    this.kafka = kafka;
    this.out = out;
  }

  /**
   * Prints, per DLQ topic, how many letters it holds and why, then the last {@code last} letters.
   *
   * @param topic one DLQ topic, or null for all of them
   */
  public void list(String topic, int last, boolean json) throws Exception {
    List<String> topics = topic != null ? List.of(requireDlq(topic)) : dlqTopics();
    List<Letter> letters = new ArrayList<>();
    for (String t : topics) {
      letters.addAll(read(t, false));
    }
    if (json) {
      ArrayNode array = Json.mapper().createArrayNode();
      letters.forEach(l -> array.add(toJson(l)));
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
      return;
    }
    for (String t : topics) {
      List<Letter> of = letters.stream().filter(l -> l.topic().equals(t)).toList();
      out.println(t + ": " + of.size() + " dead letter(s)");
      Map<String, Integer> reasons = new LinkedHashMap<>();
      of.forEach(l -> reasons.merge(l.stage() + ": " + gist(l.reason()), 1, Integer::sum));
      reasons.forEach((reason, n) -> out.println("  " + n + " × " + reason));
    }
    List<Letter> recent = letters.stream()
        .sorted((a, b) -> a.at().compareTo(b.at()))
        .skip(Math.max(0, letters.size() - last))
        .toList();
    if (!recent.isEmpty()) {
      out.println();
      out.println("The last " + recent.size() + " (./newswire dlq --json for all, with every header):");
    }
    for (Letter l : recent) {
      out.println();
      out.println("  " + l.at() + "  " + l.topic() + "  from " + l.origin() + "  by the " + l.stage());
      out.println("  key " + l.key() + ", " + l.valueBytes() + " bytes"
          + (l.truncatedFrom() != null ? " (cut from " + l.truncatedFrom() + ")" : ""));
      out.println("  " + l.reason());
    }
  }

  /**
   * Sends the letters of {@code topic} (only those of {@code key} when given) back to their origin.
   *
   * @return how many were sent
   */
  public int replay(String topic, String key) throws Exception {
    // a record that two stages dead-lettered (the indexer and the alerter both read newswire.clean)
    // goes back once
    Map<String, Letter> byOrigin = new LinkedHashMap<>();
    int neverRecords = 0;
    for (Letter l : read(requireDlq(topic), true)) {
      if (key != null && !key.equals(l.key())) {
        continue;
      }
      if (!l.origin().contains("@")) {
        // refused before it became a record (a fetcher's unreadable file): its value is not one
        neverRecords++;
        continue;
      }
      byOrigin.putIfAbsent(l.origin(), l);
    }
    List<Letter> letters = List.copyOf(byOrigin.values());
    if (neverRecords > 0) {
      out.println(neverRecords + " not replayed: refused before they were records on " + originOf(topic)
          + " (fix the source; the fetcher reads it again)");
    }
    int skipped = 0;
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    Map<String, Integer> perOrigin = new LinkedHashMap<>();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig())) {
      for (Letter l : letters) {
        if (l.truncatedFrom() != null) {
          skipped++;
          out.println("not replayed: " + l.key() + " was cut from " + l.truncatedFrom() + " when it was dead-lettered");
          continue;
        }
        sent.add(producer.send(new ProducerRecord<>(l.originTopic(), l.key(), l.value())));
        perOrigin.merge(l.originTopic(), 1, Integer::sum);
      }
      for (Future<RecordMetadata> ack : sent) {
        ack.get();
      }
    }
    if (letters.isEmpty() && neverRecords == 0) {
      out.println("nothing to replay in " + topic + (key != null ? " for key " + key : ""));
    }
    perOrigin.forEach((origin, n) -> out.println("replayed " + n + " dead letter(s) from " + topic + " to " + origin));
    if (skipped > 0) {
      out.println(skipped + " not replayed (cut to " + DeadLetters.MAX_VALUE_BYTES / 1024 + " kB when dead-lettered)");
    }
    return sent.size();
  }

  private List<String> dlqTopics() throws ExecutionException, InterruptedException {
    Map<String, Object> adminConfig = kafka.clientConfig();
    adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READ_TIMEOUT.toMillis());
    try (Admin admin = Admin.create(adminConfig)) {
      return new ArrayList<>(new TreeSet<>(admin.listTopics().names().get().stream()
          .filter(t -> t.endsWith(Topics.DLQ_SUFFIX))
          .toList()));
    }
  }

  private static String originOf(String dlqTopic) {
    return dlqTopic.substring(0, dlqTopic.length() - Topics.DLQ_SUFFIX.length());
  }

  private static String requireDlq(String topic) {
    if (!topic.endsWith(Topics.DLQ_SUFFIX)) {
      throw new IllegalArgumentException("'" + topic + "' is not a dead-letter topic (they end in "
          + Topics.DLQ_SUFFIX + ", e.g. " + Topics.dlq(Topics.RAW) + ")");
    }
    return topic;
  }

  /** Every committed letter of {@code topic}, oldest first per partition. */
  private List<Letter> read(String topic, boolean values) {
    Map<String, Object> config = new HashMap<>(kafka.clientConfig());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    List<Letter> letters = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_TIMEOUT).stream()
          .map(p -> new TopicPartition(topic, p.partition()))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p, READ_TIMEOUT) < ends.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end within " + READ_TIMEOUT.toSeconds() + " s");
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          letters.add(letter(r, values));
        }
      }
    }
    return letters;
  }

  private static Letter letter(ConsumerRecord<String, byte[]> r, boolean keepValue) {
    var h = r.headers();
    String originTopic = DeadLetters.header(h, DeadLetters.ORIGIN_TOPIC);
    if (originTopic == null) {
      originTopic = originOf(r.topic());
    }
    String partition = DeadLetters.header(h, DeadLetters.ORIGIN_PARTITION);
    String offset = DeadLetters.header(h, DeadLetters.ORIGIN_OFFSET);
    String origin = partition == null ? originTopic : originTopic + "-" + partition + "@" + offset;
    String truncated = DeadLetters.header(h, DeadLetters.TRUNCATED);
    byte[] value = r.value() == null ? new byte[0] : r.value();
    return new Letter(r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), r.key(),
        keepValue ? value : null, value.length, String.valueOf(DeadLetters.header(h, DeadLetters.STAGE)),
        String.valueOf(DeadLetters.header(h, DeadLetters.REASON)), originTopic, origin,
        DeadLetters.header(h, DeadLetters.EXCEPTION), truncated == null ? null : truncated + " bytes");
  }

  private static ObjectNode toJson(Letter l) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("topic", l.topic()).put("partition", l.partition()).put("offset", l.offset())
        .put("at", l.at().toString()).put("key", l.key()).put("stage", l.stage()).put("reason", l.reason())
        .put("origin", l.origin()).put("originTopic", l.originTopic()).put("valueBytes", l.valueBytes())
        .put("exception", l.exception()).put("truncatedFrom", l.truncatedFrom());
    return node;
  }

  /**
   * A reason without its particulars, so that alike letters count together: the part before the
   * first ": ", or the part after it when that first part names the input (a URL or file).
   */
  static String gist(String reason) {
    String rest = reason;
    int colon = rest.indexOf(": ");
    if (colon > 0 && rest.substring(0, colon).matches(".*[:/].*")) {
      rest = rest.substring(colon + 2);
      colon = rest.indexOf(": ");
    }
    String head = colon < 0 ? rest : rest.substring(0, colon);
    return head.length() > 100 ? head.substring(0, 100) + "…" : head;
  }

  private Map<String, Object> producerConfig() {
    Map<String, Object> config = new HashMap<>(kafka.clientConfig());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return config;
  }
}
