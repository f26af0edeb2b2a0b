package io.newswire.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newswire.model.Alert;
import io.newswire.model.CleanArticle;
import io.newswire.model.Json;
import io.newswire.model.RawDocument;
import io.newswire.model.Topics;
import io.newswire.stack.Pipeline;
import io.newswire.testing.TopicSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost, nothing twice: with reports flowing, the indexer, the cleaner, the alerter, the
 * Elasticsearch node and the Kafka broker are each killed with SIGKILL and restarted; in the end
 * Elasticsearch holds every report exactly once with its text, and every expected alert was
 * published exactly once.
 */
class FaultInjectionIT {
  private static final int COPIES = 60; // of each of the five seed reports
  private static final Duration SETTLE = Duration.ofSeconds(240);

  @TempDir static Path work;
  private static Pipeline pipeline;

  @BeforeAll
  static void startNewswire() throws Exception {
    pipeline = TestPipelines.start(work, "sources: []\n");
  }

  @AfterAll
  static void stopNewswire() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void everyReportIndexedOnceAndEveryAlertPublishedOnceAcrossCrashes() throws Exception {
    var rule = Http.post(pipeline.url("alerter") + "/rules", "{\"id\":\"nato\",\"name\":\"NATO\",\"query\":\"NATO\"}");
    assertEquals(201, rule.status(), String.valueOf(rule.body()));
    Await.until("the rule to be active", Duration.ofSeconds(10),
        () -> Http.get(pipeline.url("alerter") + "/rules").body(), rules -> rules.size() == 1);

    List<RawDocument> docs = new ArrayList<>();
    Set<String> expectedAlerts = new HashSet<>();
    for (int copy = 0; copy < COPIES; copy++) {
      for (String seed : SeedScenario.SEEDS) {
        String body = Files.readString(SeedScenario.seeds().resolve(seed + ".txt"));
        // one host per copy: the cleaner learns furniture per site, and copies of a report are not furniture
        RawDocument doc = RawDocument.of("https://copy" + copy + ".example.org/fault/" + seed, "faults",
            "text/plain", "UTF-8", body);
        docs.add(doc);
        if (seed.startsWith("000") || seed.startsWith("001")) {
          expectedAlerts.add(doc.id());
        }
      }
    }

    AtomicReference<Exception> producerFailure = new AtomicReference<>();
    Thread feeder = new Thread(() -> {
      try (KafkaProducer<String, byte[]> producer = producer()) {
        for (RawDocument doc : docs) {
          producer.send(new ProducerRecord<>(Topics.RAW, doc.id(), Json.write(doc)));
          Thread.sleep(60);
        }
        producer.flush();
      } catch (Exception e) {
        producerFailure.set(e);
      }
    }, "fault-feeder");
    feeder.start();

    for (String service : List.of("indexer", "cleaner", "alerter")) {
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

    Await.until(docs.size() + " documents in Elasticsearch", SETTLE, this::count, n -> n >= docs.size());
    Thread.sleep(3000); // duplicates, if any, would be visible after the next refresh
    assertEquals(docs.size(), count(), "each report exactly once");
    Map<String, String> hashes = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r : readAll(Topics.CLEAN)) {
      CleanArticle a = Json.read(r.value(), CleanArticle.class);
      hashes.put(a.id(), a.contentHash());
    }
    var sample = Http.post(pipeline.stack().elasticsearchUrl() + "/newswire/_search",
        "{\"size\":" + docs.size() + ",\"_source\":[\"contentHash\"]}");
    sample.body().path("hits").path("hits").forEach(hit -> assertEquals(hashes.get(hit.path("_id").asText()),
        hit.path("_source").path("contentHash").asText(), "indexed text of " + hit.path("_id").asText()));

    Map<String, Integer> alerts = Await.until(expectedAlerts.size() + " alerts", SETTLE,
        FaultInjectionIT::natoAlertsPerArticle, a -> a.size() >= expectedAlerts.size());
    assertEquals(expectedAlerts, alerts.keySet());
    alerts.forEach((article, n) -> assertEquals(1, n, "alerts for " + article));
  }

  private long count() throws Exception {
    var reply = Http.get(pipeline.stack().elasticsearchUrl() + "/newswire/_count");
    return reply.status() == 200 ? reply.body().path("count").asLong() : -1;
  }

  private static Map<String, Integer> natoAlertsPerArticle() {
    Map<String, Integer> perArticle = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r : readAll(Topics.ALERTS)) {
      Alert alert = Json.read(r.value(), Alert.class);
      if (alert.ruleId().equals("nato")) {
        perArticle.merge(alert.articleId(), 1, Integer::sum);
      }
    }
    return perArticle;
  }

  private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
    return TopicSnapshot.read(pipeline.stack().bootstrapServers(), topic);
  }

  private static KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.stack().bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 180_000,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
  }
}
