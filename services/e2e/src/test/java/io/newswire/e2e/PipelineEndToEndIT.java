package io.newswire.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.model.DeadLetters;
import io.newswire.model.DocumentIds;
import io.newswire.model.Json;
import io.newswire.model.RawDocument;
import io.newswire.model.Topics;
import io.newswire.stack.Pipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2's end-to-end scenario: the five seed reports dropped into a watched folder go through the
 * real fetcher, cleaner, indexer and alerter on the real embedded Kafka broker and Elasticsearch
 * node, and come out searchable and alerted on, with the boilerplate left behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndIT {
  private static final Duration INGEST_TIMEOUT = Duration.ofSeconds(120);
  private static final List<String> SEEDS =
      List.of("000_fd365139ecb07d38", "001_d0c8aea6b99f999c", "002_d2404225d53646e3",
          "003_6140f8882c5450fe", "004_39f97dcc2323362a");

  @TempDir static Path work;
  private static Path watched;
  private static Pipeline pipeline;
  private static String natoRuleId;

  @BeforeAll
  static void startNewswire() throws Exception {
    watched = Files.createDirectories(work.resolve("reports"));
    Path sources = work.resolve("sources.yaml");
    Files.writeString(sources, "sources:\n  - name: e2e-reports\n    type: folder\n    path: " + watched + "\n");
    pipeline = Pipeline.start(
        new Pipeline.Options(work.resolve("data"), work, sources, Map.of(),
            List.of("-XX:TieredStopAtLevel=1", "-Xmx384m"), Map.of()),
        line -> System.out.println("[pipeline] " + line));
  }

  @AfterAll
  static void stopNewswire() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  @Order(1)
  void seedReportsBecomeSearchableWithoutTheirBoilerplate() throws Exception {
    var rule = Http.post(pipeline.url("alerter") + "/rules", "{\"name\":\"NATO watch\",\"query\":\"NATO\"}");
    assertEquals(201, rule.status(), "rule creation: " + rule.body());
    natoRuleId = rule.body().path("id").asText();
    Await.until("the rule to be active", Duration.ofSeconds(10),
        () -> Http.get(pipeline.url("alerter") + "/rules").body(), rules -> rules.size() == 1);

    Path seeds = repoRoot().resolve("deploy/seed/reports");
    for (String seed : SEEDS) {
      Files.copy(seeds.resolve(seed + ".txt"), watched.resolve(seed + ".txt"));
    }
    Await.until("5 indexed documents", INGEST_TIMEOUT, () -> count(), n -> n == 5);

    assertEquals(Set.of(), hits("Artsakh"), "Artsakh occurs only in 002's teasers");
    assertEquals(Set.of(), hits("Biden"), "Biden occurs only in 002's teasers");
    assertEquals(Set.of(id(SEEDS.get(1)), id(SEEDS.get(2))), hits("Lavrov"));
    assertEquals(Set.of(id(SEEDS.get(3))), hits("Wagner"));
  }

  @Test
  @Order(2)
  void searchApiReturnsHighlightedHits() throws Exception {
    var reply = Http.get(pipeline.url("indexer") + "/search?q=" + Http.encode("Lavrov"));
    assertEquals(200, reply.status());
    assertEquals(2, reply.body().path("total").asLong());
    for (JsonNode hit : reply.body().path("hits")) {
      assertTrue(hit.path("snippet").asText().contains("<em>Lavrov</em>"), hit.toString());
      assertTrue(hit.path("url").asText().startsWith("file:"), hit.toString());
    }
    var invalid = Http.get(pipeline.url("indexer") + "/search?q=" + Http.encode("title:(unclosed"));
    assertEquals(400, invalid.status());
  }

  @Test
  @Order(3)
  void ruleAlertsOnTheReportsThatMentionIt() throws Exception {
    Set<String> alerted = Await.until("NATO alerts on 000 and 001", Duration.ofSeconds(30),
        () -> alertedArticles(natoRuleId), ids -> ids.size() >= 2);
    Thread.sleep(2000); // a wrong third alert would arrive by now
    assertEquals(Set.of(id(SEEDS.get(0)), id(SEEDS.get(1))), alertedArticles(natoRuleId),
        "NATO is only in 002's teasers, which the cleaner drops");
  }

  @Test
  @Order(4)
  void badInputGoesToTheDeadLetterTopicsAndTheStreamKeepsFlowing() throws Exception {
    byte[] binary = new byte[4096];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i * 31);
    }
    Files.write(watched.resolve("corrupt.html"), binary);
    try (KafkaProducer<String, byte[]> producer = producer()) {
      producer.send(new ProducerRecord<>(Topics.RAW, "not-json", "{oops".getBytes(StandardCharsets.UTF_8))).get();
      RawDocument empty = RawDocument.of("https://example.org/empty", "e2e", "text/html", "UTF-8", "   ");
      producer.send(new ProducerRecord<>(Topics.RAW, empty.id(), Json.write(empty))).get();
      producer.send(new ProducerRecord<>(Topics.CLEAN, "bad-clean",
          "{\"schemaVersion\":99}".getBytes(StandardCharsets.UTF_8))).get();
    }
    List<ConsumerRecord<String, byte[]>> rawDlq =
        Await.until("3 dead letters on newswire.raw.dlq", Duration.ofSeconds(30),
            () -> readAll(Topics.dlq(Topics.RAW)), r -> r.size() >= 3);
    for (ConsumerRecord<String, byte[]> letter : rawDlq) {
      String reason = DeadLetters.header(letter.headers(), DeadLetters.REASON);
      assertNotNull(reason, "every dead letter says why");
      assertTrue(reason.length() > 5, reason);
    }
    List<ConsumerRecord<String, byte[]>> cleanDlq =
        Await.until("a dead letter on newswire.clean.dlq", Duration.ofSeconds(30),
            () -> readAll(Topics.dlq(Topics.CLEAN)), r -> !r.isEmpty());
    assertTrue(DeadLetters.header(cleanDlq.get(0).headers(), DeadLetters.REASON).contains("schema version 99"));

    // the stream keeps flowing after the poison
    Files.copy(repoRoot().resolve("deploy/seed/reports").resolve(SEEDS.get(3) + ".txt"),
        watched.resolve("again-003.txt"));
    Await.until("the sixth document", INGEST_TIMEOUT, () -> count(), n -> n == 6);
  }

  private static long count() throws Exception {
    var reply = Http.get(pipeline.stack().elasticsearchUrl() + "/newswire/_count");
    return reply.status() == 200 ? reply.body().path("count").asLong() : -1;
  }

  /** Ids of the documents a query finds, asking Elasticsearch itself with the search's query. */
  private static Set<String> hits(String query) throws Exception {
    var reply = Http.get(pipeline.url("indexer") + "/search?size=100&q=" + Http.encode(query));
    assertEquals(200, reply.status(), String.valueOf(reply.body()));
    Set<String> ids = new HashSet<>();
    reply.body().path("hits").forEach(h -> ids.add(h.path("id").asText()));
    return ids;
  }

  private static Set<String> alertedArticles(String ruleId) {
    Set<String> ids = new HashSet<>();
    for (ConsumerRecord<String, byte[]> record : readAll(Topics.ALERTS)) {
      JsonNode alert = Json.mapper().valueToTree(Json.read(record.value(), io.newswire.model.Alert.class));
      if (alert.path("ruleId").asText().equals(ruleId)) {
        ids.add(alert.path("articleId").asText());
      }
    }
    return ids;
  }

  private static String id(String seed) {
    return DocumentIds.forUrl("file:" + seed + ".txt");
  }

  private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.stack().bootstrapServers(),
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      return out;
    }
  }

  private static KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.stack().bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
  }

  private static Path repoRoot() {
    String root = System.getProperty("newswire.root");
    Path start = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("deploy/seed/reports"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no deploy/seed/reports above " + start);
  }
}
