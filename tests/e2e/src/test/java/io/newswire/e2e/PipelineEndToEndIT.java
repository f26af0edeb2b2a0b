package io.newswire.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.newswire.cli.DlqCommand;
import io.newswire.kafka.DeadLetters;
import io.newswire.launcher.Pipeline;
import io.newswire.model.Json;
import io.newswire.model.RawDocument;
import io.newswire.model.Service;
import io.newswire.model.Topics;
import io.newswire.testing.TopicSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario on the embedded stack, as {@code ./newswire up} runs it, plus what only this setup
 * can reach: the DLQ topics on the broker.
 */
class PipelineEndToEndIT extends SeedScenario {
  @TempDir static Path work;
  private static Path watched;
  private static Pipeline pipeline;

  @BeforeAll
  static void startNewswire() throws Exception {
    watched = Files.createDirectories(work.resolve("reports"));
    // the test's webhook receiver listens on loopback, which webhooks may not reach unless allowed
    pipeline =
        TestPipelines.start(
            work,
            "sources:\n  - name: e2e-reports\n    type: folder\n    path: " + watched + "\n",
            Map.of("newswire.alerter.webhook-allow-private", "127.0.0.1/32"));
  }

  @AfterAll
  static void stopNewswire() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Override
  String url(Service service) {
    return pipeline.url(service);
  }

  @Override
  String elasticsearchUrl() {
    return pipeline.stack().elasticsearchUrl();
  }

  @Override
  Path watched() {
    return watched;
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
      producer
          .send(
              new ProducerRecord<>(
                  Topics.RAW, "not-json", "{oops".getBytes(StandardCharsets.UTF_8)))
          .get();
      RawDocument empty =
          RawDocument.of("https://example.org/empty", "e2e", "text/html", "UTF-8", "   ");
      producer.send(new ProducerRecord<>(Topics.RAW, empty.id(), Json.write(empty))).get();
      producer
          .send(
              new ProducerRecord<>(
                  Topics.CLEAN,
                  "bad-clean",
                  "{\"schemaVersion\":99}".getBytes(StandardCharsets.UTF_8)))
          .get();
    }
    List<ConsumerRecord<String, byte[]>> rawDlq =
        Await.until(
            "3 dead letters on newswire.raw.dlq",
            Duration.ofSeconds(30),
            () -> readAll(Topics.dlq(Topics.RAW)),
            r -> r.size() >= 3);
    for (ConsumerRecord<String, byte[]> letter : rawDlq) {
      String reason = DeadLetters.header(letter.headers(), DeadLetters.REASON);
      assertNotNull(reason, "every dead letter says why");
      assertTrue(reason.length() > 5, reason);
    }
    List<ConsumerRecord<String, byte[]>> cleanDlq =
        Await.until(
            "a dead letter on newswire.clean.dlq",
            Duration.ofSeconds(30),
            () -> readAll(Topics.dlq(Topics.CLEAN)),
            r -> !r.isEmpty());
    assertTrue(
        DeadLetters.header(cleanDlq.get(0).headers(), DeadLetters.REASON)
            .contains("schema version 99"));

    // the stream keeps flowing after the poison
    Files.copy(seeds().resolve(SEEDS.get(3) + ".txt"), watched.resolve("again-003.txt"));
    Await.until("the sixth document", INGEST_TIMEOUT, this::count, n -> n == 6);
  }

  @Test
  @Order(5)
  void alertsReachTheRulesWebhook() throws Exception {
    List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          received.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    try {
      String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
      var rule =
          Http.post(
              url(Service.ALERTER) + "/rules",
              "{\"name\":\"Wagner\",\"query\":\"Wagner\",\"webhook\":\"" + hook + "\"}");
      assertEquals(201, rule.status(), String.valueOf(rule.body()));
      Thread.sleep(1000); // the rule reaches the alerter through the rules topic
      Files.copy(seeds().resolve(SEEDS.get(3) + ".txt"), watched.resolve("webhook-003.txt"));
      Await.until("the webhook call", Duration.ofSeconds(30), () -> received, r -> !r.isEmpty());
      assertTrue(received.get(0).contains("\"ruleName\":\"Wagner\""), received.get(0));

      // issue 14: the rules list tallies what the rule raised; a change of its query can keep its
      // webhook
      String id = rule.body().path("id").asText();
      JsonNode listed =
          Await.until(
              "the rule's tally",
              Duration.ofSeconds(10),
              () -> ruleById(id),
              r -> r.path("alerts").asLong() >= 1);
      assertTrue(listed.hasNonNull("lastAlert"), listed.toString());
      var kept =
          Http.as(
              pipeline.apiKey(),
              "PUT",
              url(Service.ALERTER) + "/rules/" + id,
              "{\"query\":\"Wagner OR Prigozhin\",\"keepWebhook\":true}");
      assertEquals(200, kept.status(), String.valueOf(kept.body()));
      assertTrue(
          kept.body().path("signed").asBoolean()
              && kept.body().path("webhook").asText().startsWith("http://127.0.0.1"),
          kept.body().toString());
      var dropped =
          Http.as(
              pipeline.apiKey(),
              "PUT",
              url(Service.ALERTER) + "/rules/" + id,
              "{\"query\":\"Wagner\"}");
      assertTrue(
          dropped.body().path("webhook").isNull() && !dropped.body().path("signed").asBoolean(),
          dropped.body().toString());
    } finally {
      receiver.stop(0);
    }
  }

  private JsonNode ruleById(String id) throws Exception {
    for (JsonNode r : Http.get(url(Service.ALERTER) + "/rules").body()) {
      if (r.path("id").asText().equals(id)) {
        return r;
      }
    }
    return Json.mapper().createObjectNode();
  }

  @Test
  @Order(6)
  void theDlqCommandSaysWhyAndReplaysALetterToItsTopic() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    DlqCommand dlq =
        new DlqCommand(pipeline.stack().bootstrapServers(), new PrintStream(printed, true, UTF_8));
    dlq.list(null, 10, false);
    String listing = printed.toString(UTF_8);
    int letters = readAll(Topics.dlq(Topics.CLEAN)).size(); // one per stage reading newswire.clean
    assertTrue(listing.contains("newswire.clean.dlq: " + letters + " dead letter(s)"), listing);
    assertTrue(listing.contains("cleaner: invalid JSON for RawDocument"), listing);
    assertTrue(listing.contains("unsupported schema version 99 of CleanArticle"), listing);

    // sent back to newswire.clean once, the record meets the same stages and the same reason again
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    new DlqCommand(pipeline.stack().bootstrapServers(), new PrintStream(json, true, UTF_8))
        .list(Topics.dlq(Topics.CLEAN), 10, true);
    assertEquals(1, dlq.replay(Topics.dlq(Topics.CLEAN), "bad-clean"), json.toString(UTF_8));
    List<ConsumerRecord<String, byte[]>> again =
        Await.until(
            "the replayed record back on newswire.clean.dlq",
            Duration.ofSeconds(30),
            () -> readAll(Topics.dlq(Topics.CLEAN)),
            r -> r.size() >= 2 * letters);
    Thread.sleep(1000); // a second replay of the record would have been dead-lettered by now
    again = readAll(Topics.dlq(Topics.CLEAN));
    assertEquals(2 * letters, again.size());
    assertTrue(
        again.stream()
            .allMatch(
                r ->
                    r.key().equals("bad-clean")
                        && Topics.CLEAN.equals(
                            DeadLetters.header(r.headers(), DeadLetters.ORIGIN_TOPIC))));
  }

  private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
    return TopicSnapshot.read(pipeline.stack().bootstrapServers(), topic);
  }

  private static KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.stack().bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
  }
}
