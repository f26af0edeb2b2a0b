package io.newswire.cleaner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.common.KafkaClients;
import io.newswire.model.CleanArticle;
import io.newswire.model.DeadLetters;
import io.newswire.model.Json;
import io.newswire.model.RawDocument;
import io.newswire.model.Topics;
import io.newswire.testing.EmbeddedStackResource;
import io.newswire.testing.TopicSnapshot;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
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
class CleanerIT {
  @Inject KafkaClients clients;

  @Test
  void cleansEachRawDocumentOnceAndDeadLettersPoison() throws Exception {
    List<RawDocument> docs = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String html = "<html><head><title>Report " + i + "</title></head><body><nav>Home | About</nav><article><p>"
          + ("Report " + i + " says that Minsk and Moscow disagree on the road map. ").repeat(12)
          + "</p></article><footer>Subscribe to our newsletter</footer></body></html>";
      docs.add(RawDocument.of("https://example.org/cleaner-it/" + i, "it", "text/html", "UTF-8", html));
    }
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(clients.producer("cleaner-it"))) {
      producer.send(new ProducerRecord<>(Topics.RAW, "poison", "{not json".getBytes(StandardCharsets.UTF_8))).get();
      for (RawDocument doc : docs) {
        producer.send(new ProducerRecord<>(Topics.RAW, doc.id(), Json.write(doc))).get();
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
          assertTrue(!article.text().contains("newsletter") && !article.text().contains("Home | About"),
              article.text());
        }
      }
      Thread.sleep(300);
    }
    assertEquals(docs.size(), cleanCount.size());
    cleanCount.forEach((id, n) -> assertEquals(1, n, "clean versions of " + id));

    ConsumerRecord<String, byte[]> letter = readAll(Topics.dlq(Topics.RAW)).stream()
        .filter(r -> "poison".equals(r.key())).findFirst().orElseThrow();
    assertTrue(DeadLetters.header(letter.headers(), DeadLetters.REASON).startsWith("invalid JSON"));
    assertEquals("cleaner", DeadLetters.header(letter.headers(), DeadLetters.STAGE));
  }

  private List<ConsumerRecord<String, byte[]>> readAll(String topic) {
    return TopicSnapshot.read(clients.bootstrapServers(), topic);
  }
}
