package io.newswire.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.kafka.DeadLetters;
import io.newswire.kafka.TopicSetup;
import io.newswire.launcher.Pipeline;
import io.newswire.model.Json;
import io.newswire.model.RawDocument;
import io.newswire.model.Service;
import io.newswire.model.Topics;
import io.newswire.testing.TopicSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost, nothing twice (issue 5): with thousands of reports flowing, the indexer, the
 * cleaner, the alerter, the Elasticsearch node and the Kafka broker are each killed with SIGKILL
 * and restarted; in the end Elasticsearch holds every report exactly once with the title and text
 * the extractor makes of it, and every expected alert was published exactly once. Poison amid the
 * stream (a 50 MB raw value, a document Elasticsearch rejects) ends on the DLQ with its reason.
 * Invalid JSON and unknown schema versions are {@link PipelineEndToEndIT}'s.
 */
class FaultInjectionIT {
  /** Reports in the stream: the seed reports and the eval pages, repeated. */
  private static final int DOCUMENTS = 2_400;

  /** Between two reports: the stream then lasts about as long as the kills and restarts. */
  private static final long FEED_PAUSE_MS = 10;

  /** The raw value over the cleaner's limit, but within what newswire.raw accepts. */
  private static final int HUGE_VALUE_BYTES = 50 * 1024 * 1024;

  private static final Duration SETTLE = Duration.ofSeconds(300);

  @TempDir static Path work;
  private static StreamCorpus corpus;
  private static Pipeline pipeline;

  @BeforeAll
  static void startNewswire() throws Exception {
    corpus = StreamCorpus.load();
    System.out.println("[fault-injection] " + DOCUMENTS + " documents from " + corpus);
    pipeline = TestPipelines.start(work, "sources: []\n");
  }

  @AfterAll
  static void stopNewswire() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void everyReportIndexedOnceAndEveryAlertPublishedOnceAcrossCrashesWhilePoisonIsDeadLettered()
      throws Exception {
    var rule =
        Http.post(
            pipeline.url(Service.ALERTER) + "/rules",
            "{\"id\":\"nato\",\"name\":\"NATO\",\"query\":\"NATO\"}");
    assertEquals(201, rule.status(), String.valueOf(rule.body()));
    Await.until(
        "the rule to be active",
        Duration.ofSeconds(10),
        () -> Http.get(pipeline.url(Service.ALERTER) + "/rules").body(),
        rules -> rules.size() == 1);

    List<StreamCorpus.Item> stream = corpus.stream(DOCUMENTS);
    String seed003 =
        Files.readString(SeedScenario.seeds().resolve(SeedScenario.SEEDS.get(3) + ".txt"));
    // a keyword over Lucene's 32766-byte term limit: Elasticsearch answers 400 for this document
    // only
    RawDocument rejected =
        RawDocument.of(
            "https://rejected.example.org/" + "x".repeat(40_000),
            "faults",
            "text/plain",
            "UTF-8",
            seed003);
    RawDocument huge = hugeDocument();
    byte[] hugeValue = Json.write(huge);
    int hugeSize = hugeValue.length;
    assertTrue(
        hugeSize >= HUGE_VALUE_BYTES && hugeSize < TopicSetup.RAW_MAX_MESSAGE_BYTES,
        "size " + hugeSize);

    AtomicReference<Exception> producerFailure = new AtomicReference<>();
    AtomicReference<Future<RecordMetadata>> hugeSent = new AtomicReference<>();
    Thread feeder =
        new Thread(
            () -> {
              try (KafkaProducer<String, byte[]> producer = producer("lz4");
                  KafkaProducer<String, byte[]> uncompressed = producer("none")) {
                for (int i = 0; i < stream.size(); i++) {
                  if (i == stream.size() / 4) {
                    hugeSent.set(
                        uncompressed.send(new ProducerRecord<>(Topics.RAW, huge.id(), hugeValue)));
                  }
                  if (i == stream.size() / 2) {
                    producer.send(
                        new ProducerRecord<>(Topics.RAW, rejected.id(), Json.write(rejected)));
                  }
                  RawDocument doc = stream.get(i).raw();
                  producer.send(new ProducerRecord<>(Topics.RAW, doc.id(), Json.write(doc)));
                  Thread.sleep(FEED_PAUSE_MS);
                }
                producer.flush();
                uncompressed.flush();
              } catch (Exception e) {
                producerFailure.set(e);
              }
            },
            "fault-feeder");
    long started = System.nanoTime();
    feeder.start();

    for (Service service : List.of(Service.INDEXER, Service.CLEANER, Service.ALERTER)) {
      Thread.sleep(2500);
      pipeline.kill(service);
      Thread.sleep(1500);
      pipeline.restart(service);
    }
    Thread.sleep(2000);
    pipeline.stack().killElasticsearch();
    Thread.sleep(3000);
    pipeline.stack().restartElasticsearch();
    Thread.sleep(2000);
    pipeline.stack().killKafka();
    Thread.sleep(2000);
    pipeline.stack().restartKafka();
    feeder.join(SETTLE.toMillis());
    assertEquals(null, producerFailure.get(), "the test's own producer failed");
    System.out.printf(
        "[fault-injection] stream of %d sent in %d s%n",
        stream.size(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    assertNotNull(hugeSent.get().get(), "newswire.raw accepts a 50 MB record");

    Map<String, StreamCorpus.Item> expected = new LinkedHashMap<>();
    stream.forEach(item -> expected.put(item.raw().id(), item));
    Await.until(
        stream.size() + " documents in Elasticsearch",
        SETTLE,
        this::count,
        n -> n >= stream.size());
    System.out.printf(
        "[fault-injection] all indexed %d s after the stream started%n",
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    Thread.sleep(3000); // duplicates, if any, would be visible after the next refresh
    assertEquals(stream.size(), count(), "each report exactly once");
    assertEachReportHasItsContent(expected);
    assertEachExpectedAlertPublishedOnce(expected);
    assertHugeValueDeadLetteredOnceUnparsed(huge.id(), hugeSize);
    assertRejectedDocumentDeadLettered(rejected.id());
  }

  /**
   * Every indexed report is one of the stream's, with the title and text the extractor makes of its
   * page.
   */
  private void assertEachReportHasItsContent(Map<String, StreamCorpus.Item> expected)
      throws Exception {
    var all =
        Http.post(
            elasticsearch() + "/newswire/_search",
            "{\"size\":" + expected.size() + ",\"_source\":[\"title\",\"contentHash\"]}");
    Set<String> indexed = new HashSet<>();
    for (JsonNode hit : all.body().path("hits").path("hits")) {
      String id = hit.path("_id").asText();
      StreamCorpus.Item item = expected.get(id);
      assertNotNull(item, "indexed " + id + ", which is not one of the stream's reports");
      assertEquals(
          item.page().title(), hit.path("_source").path("title").textValue(), "title of " + id);
      assertEquals(
          item.page().contentHash(),
          hit.path("_source").path("contentHash").textValue(),
          "text of " + id + " (page " + item.page().name() + ")");
      indexed.add(id);
    }
    assertEquals(expected.keySet(), indexed);

    // the full text of one report of each page, not only its hash
    Map<String, StreamCorpus.Page> sample = new LinkedHashMap<>();
    expected.forEach(
        (id, item) -> {
          if (!sample.containsValue(item.page())) {
            sample.put(id, item.page());
          }
        });
    var texts =
        Http.post(
            elasticsearch() + "/newswire/_mget?_source=text",
            Json.mapper().writeValueAsString(Map.of("ids", sample.keySet())));
    int compared = 0;
    for (JsonNode doc : texts.body().path("docs")) {
      StreamCorpus.Page page = sample.get(doc.path("_id").asText());
      assertEquals(
          page.text(), doc.path("_source").path("text").textValue(), "text of page " + page.name());
      compared++;
    }
    assertEquals(corpus.pages().size(), compared, "one full text per page");
  }

  /**
   * The NATO rule must alert on exactly the reports that the same search finds in Elasticsearch,
   * once each: seeds 000 and 001 and whichever eval pages mention NATO, never 002 (only its teasers
   * do).
   */
  private void assertEachExpectedAlertPublishedOnce(Map<String, StreamCorpus.Item> expected)
      throws Exception {
    var search =
        Http.post(
            elasticsearch() + "/newswire/_search",
            "{\"size\":"
                + expected.size()
                + ",\"_source\":false,\"query\":{\"multi_match\":{\"query\":\"NATO\",\"fields\":[\"title\",\"text\"]}}}");
    Set<String> expectedAlerts = new HashSet<>();
    search
        .body()
        .path("hits")
        .path("hits")
        .forEach(hit -> expectedAlerts.add(hit.path("_id").asText()));
    expected.forEach(
        (id, item) -> {
          String page = item.page().name();
          if (page.equals(SeedScenario.SEEDS.get(0)) || page.equals(SeedScenario.SEEDS.get(1))) {
            assertTrue(expectedAlerts.contains(id), "NATO search misses " + page);
          } else if (page.equals(SeedScenario.SEEDS.get(2))) {
            assertTrue(!expectedAlerts.contains(id), "NATO search finds 002's teasers");
          }
        });

    Await.until(
        expectedAlerts.size() + " alerts",
        SETTLE,
        FaultInjectionIT::natoAlertsPerArticle,
        a -> a.size() >= expectedAlerts.size());
    Thread.sleep(2000); // a duplicate would be published by now
    Map<String, Integer> alerts = natoAlertsPerArticle();
    System.out.printf(
        "[fault-injection] %d NATO alerts expected, %d published%n",
        expectedAlerts.size(), alerts.values().stream().mapToInt(Integer::intValue).sum());
    assertEquals(expectedAlerts, alerts.keySet());
    alerts.forEach((article, n) -> assertEquals(1, n, "alerts for " + article));
  }

  /**
   * Refused by size before parsing, dead-lettered once (the cleaner's DLQ writes are
   * transactional), cut short.
   */
  private static void assertHugeValueDeadLetteredOnceUnparsed(String id, int size)
      throws Exception {
    List<ConsumerRecord<String, byte[]>> letters =
        Await.until(
            "the 50 MB value on newswire.raw.dlq",
            Duration.ofSeconds(60),
            () -> readAll(Topics.dlq(Topics.RAW)),
            l -> !l.isEmpty());
    assertEquals(
        List.of(id),
        letters.stream().map(ConsumerRecord::key).toList(),
        "newswire.raw.dlq holds the 50 MB value once and nothing else");
    ConsumerRecord<String, byte[]> letter = letters.get(0);
    String reason = DeadLetters.header(letter.headers(), DeadLetters.REASON);
    assertTrue(
        reason.startsWith("raw value of " + size + " bytes is over the cleaner's limit of ")
            && reason.contains("newswire.cleaner.max-raw-bytes"),
        reason);
    assertEquals("cleaner", DeadLetters.header(letter.headers(), DeadLetters.STAGE));
    assertEquals(
        DeadLetters.MAX_VALUE_BYTES, letter.value().length, "a dead letter keeps only the start");
    assertEquals(
        Integer.toString(size), DeadLetters.header(letter.headers(), DeadLetters.TRUNCATED));
  }

  /** The indexer's DLQ writes are at least once: a killed indexer may write a letter again. */
  private static void assertRejectedDocumentDeadLettered(String id) throws Exception {
    List<ConsumerRecord<String, byte[]>> letters =
        Await.until(
            "the rejected document on newswire.clean.dlq",
            Duration.ofSeconds(60),
            () ->
                readAll(Topics.dlq(Topics.CLEAN)).stream().filter(r -> id.equals(r.key())).toList(),
            l -> !l.isEmpty());
    String reason = DeadLetters.header(letters.get(0).headers(), DeadLetters.REASON);
    assertTrue(
        reason.startsWith("Elasticsearch rejected the article") && reason.contains("url"), reason);
    assertEquals("indexer", DeadLetters.header(letters.get(0).headers(), DeadLetters.STAGE));
  }

  /**
   * A valid raw document of 50 MB as JSON: the cleaner must refuse it for its size, not its syntax.
   */
  private static RawDocument hugeDocument() throws Exception {
    String report =
        Files.readString(SeedScenario.seeds().resolve(SeedScenario.SEEDS.get(0) + ".txt")) + "\n\n";
    String body = report.repeat(HUGE_VALUE_BYTES / report.length() + 1);
    return RawDocument.of(
        "https://huge.example.org/fault/50mb", "faults", "text/plain", "UTF-8", body);
  }

  private long count() throws Exception {
    var reply = Http.get(elasticsearch() + "/newswire/_count");
    return reply.status() == 200 ? reply.body().path("count").asLong() : -1;
  }

  private static String elasticsearch() {
    return pipeline.stack().elasticsearchUrl();
  }

  private static Map<String, Integer> natoAlertsPerArticle() {
    return PublishedAlerts.perArticle(pipeline.stack().bootstrapServers(), "nato");
  }

  private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
    return TopicSnapshot.read(pipeline.stack().bootstrapServers(), topic);
  }

  /**
   * @param compression {@code none} for the 50 MB value, so that it is 50 MB on the broker too
   */
  private static KafkaProducer<String, byte[]> producer(String compression) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            pipeline.stack().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            180_000,
            ProducerConfig.COMPRESSION_TYPE_CONFIG,
            compression,
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
            TopicSetup.RAW_MAX_MESSAGE_BYTES,
            ProducerConfig.BUFFER_MEMORY_CONFIG,
            2L * TopicSetup.RAW_MAX_MESSAGE_BYTES,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ByteArraySerializer.class));
  }
}
