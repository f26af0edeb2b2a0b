package io.newswire.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newswire.kafka.TopicSetup;
import io.newswire.launcher.Pipeline;
import io.newswire.model.Json;
import io.newswire.model.Service;
import io.newswire.model.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
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
 * A broker outage longer than every Kafka client timeout the services use (a minute for blocking
 * calls and offset commits, 15 s for transactions): once the broker is back, the cleaner, the
 * indexer, the alerter and the fetcher carry on by themselves, and what was sent before and after
 * the outage, and the reports dropped into a watched folder during it, end indexed once and alerted
 * once.
 */
class BrokerOutageIT {
  private static final int BEFORE = 60;
  private static final int AFTER = 60;
  private static final Duration OUTAGE = Duration.ofSeconds(75);
  private static final Duration SETTLE = Duration.ofSeconds(180);

  @TempDir static Path work;
  private static StreamCorpus corpus;
  private static Path watched;
  private static Pipeline pipeline;

  @BeforeAll
  static void startNewswire() throws Exception {
    corpus = StreamCorpus.load();
    watched = Files.createDirectories(work.resolve("watched"));
    pipeline =
        TestPipelines.start(
            work,
            "sources:\n  - name: outage-reports\n    type: folder\n    path: " + watched + "\n");
  }

  @AfterAll
  static void stopNewswire() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void theServicesCarryOnAfterTheBrokerWasGoneForMinutes() throws Exception {
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

    List<StreamCorpus.Item> stream = corpus.stream(BEFORE + AFTER);
    try (KafkaProducer<String, byte[]> producer = producer()) {
      // the first part is in the middle of the pipeline when the broker goes
      send(producer, stream.subList(0, BEFORE));
      pipeline.stack().killKafka();
      System.out.printf("[broker-outage] broker killed; back in %d s%n", OUTAGE.toSeconds());
      Thread.sleep(OUTAGE.toMillis() / 3);
      for (String seed : SeedScenario.SEEDS) {
        Files.copy(SeedScenario.seeds().resolve(seed + ".txt"), watched.resolve(seed + ".txt"));
      }
      Thread.sleep(OUTAGE.toMillis() - OUTAGE.toMillis() / 3);
      pipeline.stack().restartKafka();
      send(producer, stream.subList(BEFORE, stream.size()));
    }

    int reports = stream.size() + SeedScenario.SEEDS.size();
    Await.until(
        reports + " documents in Elasticsearch", SETTLE, BrokerOutageIT::count, n -> n >= reports);
    Thread.sleep(2000); // duplicates, if any, would be visible after the next refresh
    assertEquals(reports, count(), "each report exactly once");

    var search =
        Http.post(
            pipeline.stack().elasticsearchUrl() + "/newswire/_search",
            "{\"size\":"
                + reports
                + ",\"_source\":false,\"query\":{\"multi_match\":{\"query\":\"NATO\",\"fields\":[\"title\",\"text\"]}}}");
    Set<String> expectedAlerts = new HashSet<>();
    search
        .body()
        .path("hits")
        .path("hits")
        .forEach(hit -> expectedAlerts.add(hit.path("_id").asText()));
    Await.until(
        expectedAlerts.size() + " alerts",
        SETTLE,
        BrokerOutageIT::natoAlertsPerArticle,
        a -> a.size() >= expectedAlerts.size());
    Thread.sleep(2000); // a duplicate would be published by now
    Map<String, Integer> alerts = natoAlertsPerArticle();
    assertEquals(expectedAlerts, alerts.keySet());
    alerts.forEach((article, n) -> assertEquals(1, n, "alerts for " + article));
  }

  /**
   * Sends and waits for every acknowledgement: a report the broker did not take fails the test
   * here.
   */
  private static void send(KafkaProducer<String, byte[]> producer, List<StreamCorpus.Item> items)
      throws Exception {
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    for (StreamCorpus.Item item : items) {
      acks.add(
          producer.send(new ProducerRecord<>(Topics.RAW, item.raw().id(), Json.write(item.raw()))));
    }
    for (Future<RecordMetadata> ack : acks) {
      ack.get();
    }
  }

  private static long count() throws Exception {
    var reply = Http.get(pipeline.stack().elasticsearchUrl() + "/newswire/_count");
    return reply.status() == 200 ? reply.body().path("count").asLong() : -1;
  }

  private static Map<String, Integer> natoAlertsPerArticle() {
    return PublishedAlerts.perArticle(pipeline.stack().bootstrapServers(), "nato");
  }

  /** Outlasts the outage: sends wait for the broker rather than fail. */
  private static KafkaProducer<String, byte[]> producer() {
    int patience = (int) (OUTAGE.toMillis() + SETTLE.toMillis());
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            pipeline.stack().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            patience,
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            patience,
            ProducerConfig.COMPRESSION_TYPE_CONFIG,
            "lz4",
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
            TopicSetup.RAW_MAX_MESSAGE_BYTES,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ByteArraySerializer.class));
  }
}
