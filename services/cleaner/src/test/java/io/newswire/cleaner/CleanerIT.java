package io.newswire.cleaner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.cleaner.story.StoryIndex;
import io.newswire.kafka.DeadLetters;
import io.newswire.kafka.KafkaClients;
import io.newswire.model.CleanArticle;
import io.newswire.model.DocumentIds;
import io.newswire.model.Json;
import io.newswire.model.RawDocument;
import io.newswire.model.SchemaVersions;
import io.newswire.model.StoryFingerprint;
import io.newswire.model.Topics;
import io.newswire.testing.EmbeddedStackResource;
import io.newswire.testing.TopicSnapshot;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The cleaner between real topics: one clean article per raw document, poison to the DLQ. */
@QuarkusTest
@QuarkusTestResource(EmbeddedStackResource.class)
@TestProfile(CleanerIT.OneMegabyteRawLimit.class)
class CleanerIT {
  private static final int RAW_LIMIT = 1024 * 1024;

  /**
   * A low newswire.cleaner.max-raw-bytes, so that a 2 MB record is over it, and more extraction
   * threads than cores, so that pages of a batch finish out of order.
   */
  public static class OneMegabyteRawLimit implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "newswire.cleaner.max-raw-bytes",
          Integer.toString(RAW_LIMIT),
          "newswire.cleaner.threads",
          "4");
    }
  }

  @Inject KafkaClients clients;

  @Test
  void cleansEachRawDocumentOnceAndDeadLettersPoison() throws Exception {
    List<RawDocument> docs = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String html =
          "<html><head><title>Report "
              + i
              + "</title></head><body><nav>Home | About</nav><article><p>"
              + ("Report " + i + " says that Minsk and Moscow disagree on the road map. ")
                  .repeat(12)
              + "</p></article><footer>Subscribe to our newsletter</footer></body></html>";
      docs.add(
          RawDocument.of("https://example.org/cleaner-it/" + i, "it", "text/html", "UTF-8", html));
    }
    // issue 5: a raw record over newswire.cleaner.max-raw-bytes, amid the others
    RawDocument oversized =
        RawDocument.of(
            "https://example.org/cleaner-it/oversized",
            "it",
            "text/plain",
            "UTF-8",
            "Minsk and Moscow disagree on the road map. ".repeat(2 * RAW_LIMIT / 40));
    byte[] oversizedValue = Json.write(oversized);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(clients.producer("cleaner-it"))) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.RAW, "poison", "{not json".getBytes(StandardCharsets.UTF_8)))
          .get();
      for (int i = 0; i < docs.size(); i++) {
        if (i == docs.size() / 2) {
          producer.send(new ProducerRecord<>(Topics.RAW, oversized.id(), oversizedValue)).get();
        }
        producer
            .send(new ProducerRecord<>(Topics.RAW, docs.get(i).id(), Json.write(docs.get(i))))
            .get();
      }
    }
    Map<String, Integer> cleanCount = new HashMap<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline && cleanCount.size() < docs.size()) {
      cleanCount.clear();
      for (ConsumerRecord<String, byte[]> r : readAll(Topics.CLEAN)) {
        CleanArticle article = Json.read(r.value(), CleanArticle.class);
        if (article.url().contains("/cleaner-it/")) {
          cleanCount.merge(article.id(), 1, Integer::sum);
          assertTrue(
              !article.text().contains("newsletter") && !article.text().contains("Home | About"),
              article.text());
        }
      }
      Thread.sleep(300);
    }
    assertEquals(docs.size(), cleanCount.size());
    cleanCount.forEach((id, n) -> assertEquals(1, n, "clean versions of " + id));

    ConsumerRecord<String, byte[]> letter =
        readAll(Topics.dlq(Topics.RAW)).stream()
            .filter(r -> "poison".equals(r.key()))
            .findFirst()
            .orElseThrow();
    assertTrue(DeadLetters.header(letter.headers(), DeadLetters.REASON).startsWith("invalid JSON"));
    assertEquals("cleaner", DeadLetters.header(letter.headers(), DeadLetters.STAGE));

    ConsumerRecord<String, byte[]> tooLarge =
        readAll(Topics.dlq(Topics.RAW)).stream()
            .filter(r -> oversized.id().equals(r.key()))
            .findFirst()
            .orElseThrow();
    String reason = DeadLetters.header(tooLarge.headers(), DeadLetters.REASON);
    assertTrue(
        reason.contains(oversizedValue.length + " bytes")
            && reason.contains("limit of " + RAW_LIMIT)
            && reason.contains("newswire.cleaner.max-raw-bytes"),
        reason);
    assertEquals(
        DeadLetters.MAX_VALUE_BYTES,
        tooLarge.value().length,
        "the dead letter keeps only the start");
    assertEquals(
        Integer.toString(oversizedValue.length),
        DeadLetters.header(tooLarge.headers(), DeadLetters.TRUNCATED));
    assertTrue(readAll(Topics.CLEAN).stream().noneMatch(r -> oversized.id().equals(r.key())));
  }

  @Test
  void versionsOfOnePageComeOutInTheOrderTheyCameIn() throws Exception {
    String url = "https://example.org/cleaner-it/re-fetched";
    int versions = 40;
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(clients.producer("cleaner-it-order"))) {
      for (int v = 0; v < versions; v++) {
        // earlier versions are the longer ones, so extracted in parallel they would finish last
        String html =
            "<html><body><article><p>Version "
                + v
                + " of the report. "
                + "Minsk and Moscow disagree on the road map. ".repeat(20 + 40 * (versions - v))
                + "</p></article></body></html>";
        RawDocument doc = RawDocument.of(url, "it", "text/html", "UTF-8", html);
        producer.send(new ProducerRecord<>(Topics.RAW, doc.id(), Json.write(doc)));
      }
      producer.flush();
    }
    List<Integer> seen = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline && seen.size() < versions) {
      seen.clear();
      for (ConsumerRecord<String, byte[]> r : readAll(Topics.CLEAN)) {
        CleanArticle article = Json.read(r.value(), CleanArticle.class);
        if (url.equals(article.url())) {
          String text = article.text();
          seen.add(
              Integer.parseInt(
                  text.substring("Version ".length(), text.indexOf(' ', "Version ".length()))));
        }
      }
      Thread.sleep(300);
    }
    List<Integer> expected = new ArrayList<>();
    for (int v = 0; v < versions; v++) {
      expected.add(v);
    }
    assertEquals(expected, seen, "clean versions of one page, in topic order");
  }

  /**
   * Issue 13: the same report from a second site, in other furniture, is marked as a copy of the
   * first, and a cleaner that starts again from newswire.stories still knows the first.
   */
  @Test
  void aSecondCopyUnderAnotherIdJoinsTheFirstOnesStory() throws Exception {
    String report;
    try (var in = CleanerIT.class.getResourceAsStream("/stories/000_fd365139ecb07d38.txt")) {
      report = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String paragraphs = "<p>" + report.replace("\n\n", "</p><p>") + "</p>";
    RawDocument first =
        RawDocument.of(
            "https://example.org/stories/kremlin",
            "it",
            "text/html",
            "UTF-8",
            "<html><head><title>Kremlin</title></head><body><nav>Home | World</nav><article>"
                + paragraphs
                + "</article><footer>Subscribe to our newsletter</footer></body></html>");
    RawDocument copy =
        RawDocument.of(
            "https://example.net/wire/kremlin-copy.txt",
            "wire",
            "text/plain",
            "UTF-8",
            "Syndicated from example.org\n\n" + report);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(clients.producer("cleaner-it-stories"))) {
      producer.send(new ProducerRecord<>(Topics.RAW, first.id(), Json.write(first))).get();
      assertEquals(first.id(), awaitClean(first.id()).storyId());
      producer.send(new ProducerRecord<>(Topics.RAW, copy.id(), Json.write(copy))).get();
    }
    CleanArticle cleanCopy = awaitClean(copy.id());
    assertEquals(SchemaVersions.CLEAN_ARTICLE, cleanCopy.schemaVersion());
    assertEquals(first.id(), cleanCopy.duplicateOf());
    assertEquals(first.id(), cleanCopy.storyId());

    // what a restarted or second cleaner reads at start
    StoryIndex restarted = new StoryIndex(0.7, 100, Duration.ofDays(7), Clock.systemUTC());
    for (ConsumerRecord<String, byte[]> r : readAll(Topics.STORIES)) {
      restarted.restore(Json.read(r.value(), StoryFingerprint.class));
    }
    CleanArticle third =
        new CleanArticle(
            SchemaVersions.CLEAN_ARTICLE,
            "third",
            null,
            "x",
            null,
            null,
            null,
            null,
            null,
            report.substring(0, report.length() / 2),
            DocumentIds.hash(report.substring(0, report.length() / 2)),
            null,
            null,
            null);
    assertEquals(first.id(), restarted.place(third).storyId());
  }

  private CleanArticle awaitClean(String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, byte[]> r : readAll(Topics.CLEAN)) {
        if (id.equals(r.key())) {
          return Json.read(r.value(), CleanArticle.class);
        }
      }
      Thread.sleep(300);
    }
    throw new AssertionError("no clean article " + id + " within 60 s");
  }

  private List<ConsumerRecord<String, byte[]>> readAll(String topic) {
    return TopicSnapshot.read(clients.bootstrapServers(), topic);
  }
}
