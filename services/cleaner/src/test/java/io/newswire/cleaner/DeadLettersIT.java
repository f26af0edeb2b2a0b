package io.newswire.cleaner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.kafka.DeadLetterArchive;
import io.newswire.kafka.DeadLetterSink;
import io.newswire.kafka.KafkaClients;
import io.newswire.model.EventException;
import io.newswire.model.Json;
import io.newswire.model.RawDocument;
import io.newswire.model.Topics;
import io.newswire.testing.EmbeddedStackResource;
import io.newswire.testing.TestApiKeys;
import io.newswire.testing.TopicSnapshot;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: {@code /dead-letters} over the real embedded Kafka, with letters the stages' own {@link
 * DeadLetterSink} wrote. Each test has origin topics of its own, which no stage reads, so what a
 * replay sends back stays there to be counted.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedStackResource.class)
@QuarkusTestResource(TestApiKeys.class)
class DeadLettersIT {
  private static final String POISON = "{not json";
  private static final int HUGE = 300 * 1024;

  @Inject KafkaClients clients;

  @Test
  void listsEachTopicsLettersByStageAndReasonWithTheNewestFirst() throws Exception {
    String origin = "it.dead-letters.list";
    deadLetter(origin);

    JsonPath listing =
        as(TestApiKeys.READER)
            .queryParam("topic", Topics.dlq(origin))
            .queryParam("last", "3")
            .get("/dead-letters")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of(Topics.dlq(origin)), listing.getList("topics.topic"));
    assertEquals(origin, listing.getString("topics[0].originTopic"));
    assertEquals(5, listing.getInt("topics[0].count"));
    // in the order each reason is first read, which across partitions is the broker's
    assertEquals(
        Set.of(
            Map.of("stage", "cleaner", "reason", "invalid JSON for RawDocument", "count", 2),
            Map.of(
                "stage",
                "cleaner",
                "reason",
                DeadLetterArchive.gist(tooLarge().getMessage()),
                "count",
                1),
            Map.of(
                "stage",
                "fetcher",
                "reason",
                "binary file (contains NUL bytes), not text or HTML",
                "count",
                1),
            Map.of("stage", "indexer", "reason", "Elasticsearch rejected the article", "count", 1)),
        Set.copyOf(listing.getList("topics[0].groups")));

    List<Map<String, Object>> recent = listing.getList("topics[0].recent");
    assertEquals(3, recent.size());
    for (int i = 1; i < recent.size(); i++) {
      Instant at = Instant.parse((String) recent.get(i).get("at"));
      assertFalse(
          at.isAfter(Instant.parse((String) recent.get(i - 1).get("at"))),
          "newest first: " + recent);
    }
    Map<String, Object> huge =
        all(Topics.dlq(origin)).stream()
            .filter(l -> "huge".equals(l.get("key")))
            .findFirst()
            .orElseThrow();
    assertEquals(true, huge.get("truncated"));
    assertEquals(HUGE + " bytes", huge.get("truncatedFrom"));
    assertEquals(256 * 1024, huge.get("bytes"));
    assertEquals(origin + "-1@3", huge.get("origin"));
    Map<String, Object> file =
        all(Topics.dlq(origin)).stream()
            .filter(l -> "file:broken.html".equals(l.get("key")))
            .findFirst()
            .orElseThrow();
    assertEquals(
        origin, file.get("origin"), "input that never was a record has no partition or offset");

    JsonPath everything =
        as(TestApiKeys.READER).get("/dead-letters").then().statusCode(200).extract().jsonPath();
    assertTrue(
        everything.getList("topics.topic").contains(Topics.dlq(origin)), everything.prettify());
  }

  @Test
  void anAdminReplaysOneKeyThenTheRestAndIsToldWhyOthersStayed() throws Exception {
    String origin = "it.dead-letters.replay";
    deadLetter(origin);

    // the cleaner and the indexer both dead-lettered poison-1@7: it goes back once
    JsonPath one =
        as(TestApiKeys.ADMIN)
            .contentType("application/json")
            .body(Map.of("topic", Topics.dlq(origin), "key", "poison-1"))
            .post("/dead-letters/replay")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(2, one.getInt("found"));
    assertEquals(1, one.getInt("replayed"));
    assertEquals(Map.of(origin, 1), one.getMap("sentTo"));
    assertEquals(List.of(DeadLetterArchive.SENT_ONCE), one.getList("notReplayed.reason"));
    List<ConsumerRecord<String, byte[]>> back =
        TopicSnapshot.read(clients.bootstrapServers(), origin);
    assertEquals(1, back.size());
    assertEquals("poison-1", back.get(0).key());
    assertEquals(POISON, new String(back.get(0).value(), StandardCharsets.UTF_8));

    JsonPath rest =
        as(TestApiKeys.ADMIN)
            .contentType("application/json")
            .body(Map.of("topic", Topics.dlq(origin)))
            .post("/dead-letters/replay")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(5, rest.getInt("found"));
    assertEquals(2, rest.getInt("replayed"));
    assertEquals(
        List.of(
            DeadLetterArchive.NEVER_RECORDS.formatted(origin),
            DeadLetterArchive.CUT,
            DeadLetterArchive.SENT_ONCE),
        rest.getList("notReplayed.reason"));
    assertEquals(List.of("file:broken.html"), rest.getList("notReplayed[0].keys"));
    assertEquals(List.of("huge"), rest.getList("notReplayed[1].keys"));
    assertEquals(
        List.of("poison-1", "poison-1", "poison-2"),
        TopicSnapshot.read(clients.bootstrapServers(), origin).stream()
            .map(ConsumerRecord::key)
            .sorted()
            .toList());
  }

  @Test
  void aReaderListsButMayNotReplayAndNothingIsSent() throws Exception {
    String origin = "it.dead-letters.reader";
    deadLetter(origin);

    as(TestApiKeys.READER)
        .contentType("application/json")
        .body(Map.of("topic", Topics.dlq(origin)))
        .post("/dead-letters/replay")
        .then()
        .statusCode(403)
        .body("error", containsString("needs the admin role"));
    given().queryParam("topic", Topics.dlq(origin)).get("/dead-letters").then().statusCode(401);
    assertTrue(
        TopicSnapshot.read(clients.bootstrapServers(), origin).isEmpty(), "nothing was replayed");

    as(TestApiKeys.READER)
        .queryParam("topic", origin)
        .get("/dead-letters")
        .then()
        .statusCode(400)
        .body("error", containsString("is not a dead-letter topic"));
    as(TestApiKeys.READER)
        .queryParam("topic", "it.dead-letters.none.dlq")
        .get("/dead-letters")
        .then()
        .statusCode(404);
    as(TestApiKeys.READER)
        .queryParam("last", "many")
        .get("/dead-letters")
        .then()
        .statusCode(400)
        .body("error", containsString("last"));
    as(TestApiKeys.ADMIN)
        .contentType("application/json")
        .body(Map.of("key", "x"))
        .post("/dead-letters/replay")
        .then()
        .statusCode(400)
        .body("error", containsString("needs the DLQ topic"));
  }

  private static RequestSpecification as(String key) {
    return given().header("Authorization", TestApiKeys.bearer(key));
  }

  private static List<Map<String, Object>> all(String dlq) {
    return as(TestApiKeys.READER)
        .queryParam("topic", dlq)
        .queryParam("last", "100")
        .get("/dead-letters")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("topics[0].recent");
  }

  /**
   * Five letters of {@code origin}, as the stages write them: two poison records, one of them also
   * refused by the indexer, a record too large to keep whole, and a file that never became a
   * record.
   */
  private void deadLetter(String origin) throws ExecutionException, InterruptedException {
    try (Admin admin = clients.admin()) {
      for (String topic : List.of(origin, Topics.dlq(origin))) {
        try {
          admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    }
    byte[] poison = POISON.getBytes(StandardCharsets.UTF_8);
    EventException invalid =
        assertThrows(EventException.class, () -> Json.read(poison, RawDocument.class));
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(clients.producer("dead-letters-it"))) {
      DeadLetterSink cleaner = new DeadLetterSink(producer, "cleaner");
      cleaner.send(
          new ConsumerRecord<>(origin, 0, 7L, "poison-1", poison), invalid.getMessage(), invalid);
      cleaner.send(
          new ConsumerRecord<>(origin, 2, 4L, "poison-2", poison), invalid.getMessage(), invalid);
      cleaner.send(
          new ConsumerRecord<>(origin, 1, 3L, "huge", new byte[HUGE]),
          tooLarge().getMessage(),
          tooLarge());
      new DeadLetterSink(producer, "fetcher")
          .send(
              origin,
              "file:broken.html",
              "<html>\0\0".getBytes(StandardCharsets.UTF_8),
              "file:broken.html: binary file (contains NUL bytes), not text or HTML",
              null);
      new DeadLetterSink(producer, "indexer")
          .send(
              new ConsumerRecord<>(origin, 0, 7L, "poison-1", poison),
              "Elasticsearch rejected the article: mapper_parsing_exception: failed to parse",
              null);
    }
  }

  /**
   * What the cleaner throws, with the reason it dead-letters, for a raw value over a 256 kB limit.
   */
  private static EventException tooLarge() {
    return assertThrows(
        EventException.class, () -> new RawSizeLimit(256 * 1024).check(new byte[HUGE]));
  }
}
