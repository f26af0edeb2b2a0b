package io.newswire.fetcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.kafka.DeadLetters;
import io.newswire.kafka.KafkaClients;
import io.newswire.model.Json;
import io.newswire.model.RawDocument;
import io.newswire.model.Topics;
import io.newswire.testing.EmbeddedStackResource;
import io.newswire.testing.TestApiKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/** The fetcher service against the real embedded Kafka broker: folder in, newswire.raw out. */
@QuarkusTest
@QuarkusTestResource(EmbeddedStackResource.class)
@QuarkusTestResource(FreshSourcesFile.class)
@QuarkusTestResource(TestApiKeys.class)
class FetcherIT {
  static final List<String> SEEDS =
      List.of(
          "000_fd365139ecb07d38.txt",
          "001_d0c8aea6b99f999c.txt",
          "002_d2404225d53646e3.txt",
          "003_6140f8882c5450fe.txt",
          "004_39f97dcc2323362a.txt");

  @Inject KafkaClients kafka;
  @Inject FetcherConfig config;

  @Test
  void seedFilesDroppedInAWatchedFolderArriveOnRawAndABinaryFileOnTheDlq() throws Exception {
    Path folder = Files.createTempDirectory("newswire-fetcher-it");
    Path sources = Path.of(config.sourcesFile());
    Files.createDirectories(sources.getParent());
    // a name of its own, so that a sources file left by an earlier run cannot be mistaken for this
    // one
    String name = "it-seeds-" + UUID.randomUUID().toString().substring(0, 8);
    Files.writeString(
        sources,
        "sources:\n  - name: "
            + name
            + "\n    type: folder\n    path: "
            + folder.toAbsolutePath()
            + "\n");

    try (KafkaConsumer<String, byte[]> raw = consumer(Topics.RAW);
        KafkaConsumer<String, byte[]> dlq = consumer(Topics.dlq(Topics.RAW))) {
      // the sources file is re-read while running, published to newswire.sources, and run here
      TestSupport.await(
          "the fetcher to watch " + folder,
          () ->
              io.restassured.RestAssured.given()
                      .header("Authorization", TestApiKeys.bearer(TestApiKeys.ADMIN))
                      .get("/sources")
                      .then()
                      .extract()
                      .jsonPath()
                      .get("find { it.name == '" + name + "' }.polledHere")
                  == Boolean.TRUE);
      for (String seed : SEEDS) {
        try (InputStream in = FetcherIT.class.getResourceAsStream("/seeds/" + seed)) {
          Files.write(folder.resolve(seed), in.readAllBytes());
        }
      }
      Files.write(folder.resolve("scan.txt"), new byte[] {'%', 'P', 'D', 'F', 0, 0, 7});

      Map<String, RawDocument> documents = new HashMap<>();
      ConsumerRecord<String, byte[]> deadLetter = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while ((documents.size() < 5 || deadLetter == null) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : raw.poll(Duration.ofMillis(200))) {
          RawDocument doc = Json.read(r.value(), RawDocument.class);
          if (doc.source().equals(name)) {
            assertEquals(doc.id(), r.key());
            documents.put(doc.url(), doc);
          }
        }
        for (ConsumerRecord<String, byte[]> r : dlq.poll(Duration.ofMillis(50))) {
          String reason = DeadLetters.header(r.headers(), DeadLetters.REASON);
          if (reason != null && reason.startsWith("file:scan.txt")) {
            deadLetter = r;
          }
        }
      }
      assertEquals(5, documents.size(), "documents on " + Topics.RAW + ": " + documents.keySet());
      for (String seed : SEEDS) {
        RawDocument doc = documents.get("file:" + seed);
        assertEquals("text/plain", doc.contentType());
        assertEquals("UTF-8", doc.charset());
      }
      assertTrue(
          documents.get("file:002_d2404225d53646e3.txt").body().contains("Continue Reading"));
      assertTrue(deadLetter != null, "a dead letter for scan.txt on " + Topics.dlq(Topics.RAW));
      String reason = DeadLetters.header(deadLetter.headers(), DeadLetters.REASON);
      assertTrue(reason.contains("binary"), reason);
      assertEquals("fetcher", DeadLetters.header(deadLetter.headers(), DeadLetters.STAGE));

      // what ./newswire sources list shows
      io.restassured.RestAssured.given()
          .header("Authorization", TestApiKeys.bearer(TestApiKeys.ADMIN))
          .get("/sources")
          .then()
          .statusCode(200)
          .body("find { it.name == '" + name + "' }.itemsEmitted", org.hamcrest.Matchers.is(5))
          .body("find { it.name == '" + name + "' }.errors", org.hamcrest.Matchers.is(1))
          .body("find { it.name == '" + name + "' }.origin", org.hamcrest.Matchers.is("file"));
    }
  }

  @Test
  void sourcesAddedAndRemovedThroughTheApiGoThroughTheSourcesTopic() {
    String name = "it-api-" + UUID.randomUUID().toString().substring(0, 8);
    io.restassured.RestAssured.given()
        .header("Authorization", TestApiKeys.bearer(TestApiKeys.ADMIN))
        .contentType("application/json")
        .body(
            Map.of(
                "name",
                name,
                "type",
                "feed",
                "url",
                "https://news.example.org/feed.xml",
                "interval",
                "10m"))
        .post("/sources")
        .then()
        .statusCode(201)
        .body("shard", org.hamcrest.Matchers.is("news.example.org"));
    io.restassured.RestAssured.given()
        .header("Authorization", TestApiKeys.bearer(TestApiKeys.ADMIN))
        .contentType("application/json")
        .body(Map.of("name", name, "type", "feed", "url", "https://news.example.org/other.xml"))
        .post("/sources")
        .then()
        .statusCode(409)
        .body("field", org.hamcrest.Matchers.is("name"));
    io.restassured.RestAssured.given()
        .header("Authorization", TestApiKeys.bearer(TestApiKeys.ADMIN))
        .get("/sources")
        .then()
        .statusCode(200)
        .body("find { it.name == '" + name + "' }.origin", org.hamcrest.Matchers.is("api"))
        .body("find { it.name == '" + name + "' }.interval", org.hamcrest.Matchers.is("PT10M"));
    io.restassured.RestAssured.given()
        .header("Authorization", TestApiKeys.bearer(TestApiKeys.ADMIN))
        .delete("/sources/" + name)
        .then()
        .statusCode(200);
    io.restassured.RestAssured.given()
        .header("Authorization", TestApiKeys.bearer(TestApiKeys.ADMIN))
        .delete("/sources/" + name)
        .then()
        .statusCode(404);
    io.restassured.RestAssured.given()
        .header("Authorization", TestApiKeys.bearer(TestApiKeys.ADMIN))
        .get("/sources")
        .then()
        .body("find { it.name == '" + name + "' }", org.hamcrest.Matchers.nullValue());
  }

  /**
   * Issue 12: a folder source is a local file read; only an admin, only under the allowed roots.
   */
  @Test
  void aFolderSourceOutsideTheAllowedRootsIsRefusedAndOnlyAnAdminMayAddOne() throws Exception {
    Path outside = Files.createTempDirectory("newswire-outside-roots");
    Map<String, String> body =
        Map.of("name", "it-outside", "type", "folder", "path", outside.toString());
    io.restassured.RestAssured.given()
        .contentType("application/json")
        .body(body)
        .post("/sources")
        .then()
        .statusCode(401)
        .body("error", org.hamcrest.Matchers.containsString("Authorization: Bearer"));
    io.restassured.RestAssured.given()
        .header("Authorization", TestApiKeys.bearer(TestApiKeys.EDITOR))
        .contentType("application/json")
        .body(body)
        .post("/sources")
        .then()
        .statusCode(403)
        .body("error", org.hamcrest.Matchers.containsString("admin"));
    io.restassured.RestAssured.given()
        .header("Authorization", TestApiKeys.bearer(TestApiKeys.ADMIN))
        .contentType("application/json")
        .body(body)
        .post("/sources")
        .then()
        .statusCode(400)
        .body("error", org.hamcrest.Matchers.containsString("newswire.fetcher.folder-roots"))
        .body("field", org.hamcrest.Matchers.is("path"));
    io.restassured.RestAssured.given()
        .header("Authorization", TestApiKeys.bearer(TestApiKeys.READER))
        .get("/sources")
        .then()
        .statusCode(200)
        .body("find { it.name == 'it-outside' }", org.hamcrest.Matchers.nullValue());
    io.restassured.RestAssured.given().get("/q/health/live").then().statusCode(200);
  }

  private KafkaConsumer<String, byte[]> consumer(String topic) {
    Map<String, Object> config = kafka.consumer("fetcher-it-" + UUID.randomUUID(), "fetcher-it");
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config);
    consumer.subscribe(List.of(topic));
    return consumer;
  }
}
