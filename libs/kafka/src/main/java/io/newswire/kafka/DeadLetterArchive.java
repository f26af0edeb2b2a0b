package io.newswire.kafka;

import io.newswire.model.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * What the stages could not handle, read back from the {@code *.dlq} topics and counted by what
 * went wrong; and the replay of one DLQ's letters to the topic they came from once their cause is
 * fixed (a limit raised, a rule corrected). {@code ./newswire dlq} prints what this returns and the
 * cleaner serves it at {@code /dead-letters}. Every stage that reads the topic sees a replayed
 * record again; that is safe, since a document keeps its id, so the index and the alerts stay one
 * per report. A record that several stages dead-lettered is sent back once; one whose value was cut
 * when it was dead-lettered is not, nor input refused before it became a record (a fetcher's
 * unreadable file).
 *
 * <p>Plain Kafka clients and no CDI, so that the command line uses it without Quarkus.
 */
public final class DeadLetterArchive {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Why letters of input that never was a record are not replayed; {@code %s} is their origin
   * topic.
   */
  public static final String NEVER_RECORDS =
      "refused before they were records on %s (fix the source; the fetcher reads it again)";

  /** Why letters whose value was cut are not replayed: only its start is left. */
  public static final String CUT =
      "cut to " + DeadLetters.MAX_VALUE_BYTES / 1024 + " kB when dead-lettered";

  /** Why a second letter of one record (two stages refused it) is not sent on its own. */
  public static final String SENT_ONCE =
      "the same record as another letter (dead-lettered by more than one stage), sent back once";

  /**
   * One dead letter as read back; its value only when it is to be replayed.
   *
   * @param origin where it came from: {@code topic-partition@offset}, or only the topic for input
   *     that never was a record there
   * @param truncatedFrom the original size ("2097152 bytes") when the value was cut, else null
   */
  public record Letter(
      String topic,
      int partition,
      long offset,
      Instant at,
      String key,
      byte[] value,
      int valueBytes,
      String stage,
      String reason,
      String originTopic,
      String origin,
      String exception,
      String truncatedFrom) {
    /**
     * False for input refused before it became a record (a fetcher's unreadable file): its value is
     * not one.
     */
    public boolean wasRecord() {
      return origin.contains("@");
    }

    public boolean truncated() {
      return truncatedFrom != null;
    }
  }

  /** How many letters of one stage went wrong alike ({@link #gist} of their reasons). */
  public record Group(String stage, String reason, int count) {}

  /** Every letter of one DLQ topic, oldest first per partition. */
  public record Shelf(String topic, List<Letter> letters) {
    public String originTopic() {
      return originOf(topic);
    }

    /** By stage and gist of the reason, in the order each first appears. */
    public List<Group> groups() {
      Map<List<String>, Integer> counts = new LinkedHashMap<>();
      letters.forEach(l -> counts.merge(List.of(l.stage(), gist(l.reason())), 1, Integer::sum));
      List<Group> groups = new ArrayList<>();
      counts.forEach((k, n) -> groups.add(new Group(k.get(0), k.get(1), n)));
      return groups;
    }

    /**
     * The {@code last} most recent letters, newest first (of one millisecond, the later offset
     * first).
     */
    public List<Letter> newest(int last) {
      return letters.stream()
          .sorted(Comparator.comparing(Letter::at).thenComparing(Letter::offset).reversed())
          .limit(Math.max(0, last))
          .toList();
    }
  }

  /**
   * What a replay sent back and what it kept, and why.
   *
   * @param sent per origin topic, how many records went back to it
   * @param cut letters whose value was cut when dead-lettered ({@link #CUT}), not sent
   * @param neverRecords letters of input refused before it became a record ({@link
   *     #NEVER_RECORDS}), not sent
   * @param sentOnce letters of a record another letter already sent back ({@link #SENT_ONCE})
   */
  public record Replay(
      String topic,
      String key,
      Map<String, Integer> sent,
      List<Letter> cut,
      List<Letter> neverRecords,
      List<Letter> sentOnce) {
    public int replayed() {
      return sent.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** How many letters of the topic (of the key, when given) there were. */
    public int found() {
      return replayed() + cut.size() + neverRecords.size() + sentOnce.size();
    }

    public boolean nothingFound() {
      return found() == 0;
    }
  }

  private final KafkaConnection kafka;

  /**
   * @param kafka the broker and, for a secured cluster, how to authenticate
   */
  public DeadLetterArchive(KafkaConnection kafka) {
    this.kafka = kafka;
  }

  /** The DLQ topics there are, by name. */
  public List<String> topics() throws ExecutionException, InterruptedException {
    Map<String, Object> adminConfig = kafka.clientConfig();
    adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READ_TIMEOUT.toMillis());
    try (Admin admin = Admin.create(adminConfig)) {
      return new ArrayList<>(
          new TreeSet<>(
              admin.listTopics().names().get().stream()
                  .filter(t -> t.endsWith(Topics.DLQ_SUFFIX))
                  .toList()));
    }
  }

  /**
   * The letters of {@code topic}, or of every DLQ topic when it is null.
   *
   * @throws IllegalArgumentException when {@code topic} is not a DLQ topic's name
   */
  public List<Shelf> list(String topic) throws ExecutionException, InterruptedException {
    List<String> topics = topic != null ? List.of(requireDlq(topic)) : topics();
    List<Shelf> shelves = new ArrayList<>();
    for (String t : topics) {
      shelves.add(new Shelf(t, read(t, false)));
    }
    return shelves;
  }

  /**
   * Sends the letters of {@code topic} (only those of {@code key} when given) back to their origin,
   * and waits until the broker has every one.
   *
   * @throws IllegalArgumentException when {@code topic} is not a DLQ topic's name
   */
  public Replay replay(String topic, String key) throws ExecutionException, InterruptedException {
    // a record that two stages dead-lettered (the indexer and the alerter both read newswire.clean)
    // goes back once
    Map<String, Letter> byOrigin = new LinkedHashMap<>();
    List<Letter> neverRecords = new ArrayList<>();
    List<Letter> sentOnce = new ArrayList<>();
    for (Letter l : read(requireDlq(topic), true)) {
      if (key != null && !key.equals(l.key())) {
        continue;
      }
      if (!l.wasRecord()) {
        neverRecords.add(l);
      } else if (byOrigin.putIfAbsent(l.origin(), l) != null) {
        sentOnce.add(l);
      }
    }
    List<Letter> cut = new ArrayList<>();
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    Map<String, Integer> sent = new LinkedHashMap<>();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig())) {
      for (Letter l : byOrigin.values()) {
        if (l.truncated()) {
          cut.add(l);
          continue;
        }
        acks.add(producer.send(new ProducerRecord<>(l.originTopic(), l.key(), l.value())));
        sent.merge(l.originTopic(), 1, Integer::sum);
      }
      for (Future<RecordMetadata> ack : acks) {
        ack.get();
      }
    }
    return new Replay(topic, key, sent, cut, neverRecords, sentOnce);
  }

  /**
   * The topic a DLQ topic's letters came from: {@code newswire.raw} for {@code newswire.raw.dlq}.
   */
  public static String originOf(String dlqTopic) {
    return dlqTopic.substring(0, dlqTopic.length() - Topics.DLQ_SUFFIX.length());
  }

  /**
   * @throws IllegalArgumentException, saying what DLQ names look like, when {@code topic} is not
   *     one
   */
  public static String requireDlq(String topic) {
    if (!topic.endsWith(Topics.DLQ_SUFFIX)) {
      throw new IllegalArgumentException(
          "'"
              + topic
              + "' is not a dead-letter topic (they end in "
              + Topics.DLQ_SUFFIX
              + ", e.g. "
              + Topics.dlq(Topics.RAW)
              + ")");
    }
    return topic;
  }

  /**
   * A reason without its particulars, so that alike letters count together: the part before the
   * first ": ", or the part after it when that first part names the input (a URL or file).
   */
  public static String gist(String reason) {
    String rest = reason;
    int colon = rest.indexOf(": ");
    if (colon > 0 && rest.substring(0, colon).matches(".*[:/].*")) {
      rest = rest.substring(colon + 2);
      colon = rest.indexOf(": ");
    }
    String head = colon < 0 ? rest : rest.substring(0, colon);
    return head.length() > 100 ? head.substring(0, 100) + "…" : head;
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
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, READ_TIMEOUT).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p, READ_TIMEOUT) < ends.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "could not read " + topic + " to its end within " + READ_TIMEOUT.toSeconds() + " s");
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
    return new Letter(
        r.topic(),
        r.partition(),
        r.offset(),
        Instant.ofEpochMilli(r.timestamp()),
        r.key(),
        keepValue ? value : null,
        value.length,
        String.valueOf(DeadLetters.header(h, DeadLetters.STAGE)),
        String.valueOf(DeadLetters.header(h, DeadLetters.REASON)),
        originTopic,
        origin,
        DeadLetters.header(h, DeadLetters.EXCEPTION),
        truncated == null ? null : truncated + " bytes");
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
