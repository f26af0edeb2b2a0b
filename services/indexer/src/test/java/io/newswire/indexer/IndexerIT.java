package io.newswire.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.common.KafkaClients;
import io.newswire.model.CleanArticle;
import io.newswire.model.DeadLetters;
import io.newswire.model.DocumentIds;
import io.newswire.model.Json;
import io.newswire.model.Topics;
import io.newswire.stack.EmbeddedStack;
import io.newswire.testing.EmbeddedStackResource;
import io.newswire.testing.TopicSnapshot;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The indexer against the real embedded Kafka broker and Elasticsearch node, faults included. */
@QuarkusTest
@QuarkusTestResource(EmbeddedStackResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndexerIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Inject KafkaClients clients;
  @Inject IndexerService service;

  @Test
  @Order(1)
  void indexesEachArticleOnceEvenWhenReplayed() throws Exception {
    CleanArticle article = article("https://example.org/replayed", "Lavrov met Pashinyan in Moscow.");
    send(article);
    send(article); // a replay: same id, same version
    await("the article to be searchable", () -> count("id:" + quoted(article.id())), n -> n == 1);
    Thread.sleep(1500); // a duplicate would show after the next refresh
    assertEquals(1, count("id:" + quoted(article.id())));
  }

  @Test
  @Order(2)
  void articleElasticsearchRejectsGoesToTheDlqAndTheRestFlows() throws Exception {
    // a keyword longer than Lucene's 32766-byte term limit: Elasticsearch answers 400 for this item only
    String hugeUrl = "https://example.org/" + "x".repeat(40_000);
    CleanArticle rejected = article(hugeUrl, "Too long a URL.");
    CleanArticle fine = article("https://example.org/after-the-rejected", "Belarus and Russia.");
    send(rejected);
    send(fine);
    await("the article after the rejected one", () -> count("id:" + quoted(fine.id())), n -> n == 1);
    List<ConsumerRecord<String, byte[]>> letters =
        await("the dead letter", () -> readAll(Topics.dlq(Topics.CLEAN)), l -> l.stream().anyMatch(
            r -> rejected.id().equals(r.key())));
    ConsumerRecord<String, byte[]> letter =
        letters.stream().filter(r -> rejected.id().equals(r.key())).findFirst().orElseThrow();
    String reason = DeadLetters.header(letter.headers(), DeadLetters.REASON);
    assertTrue(reason.startsWith("Elasticsearch rejected the article"), reason);
  }

  @Test
  @Order(3)
  void offsetsAreNotCommittedWhileElasticsearchIsDownAndNothingIsLost() throws Exception {
    EmbeddedStack stack = EmbeddedStackResource.stack();
    await("the previous articles to be committed", this::lag, lag -> lag == 0);
    stack.killElasticsearch();
    List<CleanArticle> during = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      CleanArticle a = article("https://example.org/outage/" + i, "Report " + i + " written during the outage.");
      during.add(a);
      send(a);
    }
    Thread.sleep(3000); // the indexer has read them and is retrying
    assertEquals(20, lag(), "nothing written while Elasticsearch is down may be committed");
    stack.restartElasticsearch();
    await("all 20 articles to be indexed after the outage", () -> count("text:outage"),
        n -> n == 20);
    await("the offsets to be committed", this::lag, lag -> lag == 0);
  }

  @Test
  @Order(4)
  void indexerRefreshesSoArticlesAreSearchableWithoutTheScheduledRefresh() throws Exception {
    // with the scheduled refresh off, only the indexer's own refresh after its bulk request can
    // make the article searchable
    EsResponse off = service.elastic().call("PUT", "/newswire/_settings", "{\"index\":{\"refresh_interval\":\"-1\"}}");
    assertTrue(off.ok(), off.reason());
    try {
      CleanArticle article = article("https://example.org/refreshed", "Minsk and Vilnius signed the accord.");
      send(article);
      await("the article to be searchable", () -> count("id:" + quoted(article.id())), n -> n == 1);
    } finally {
      service.elastic().call("PUT", "/newswire/_settings", "{\"index\":{\"refresh_interval\":\"1s\"}}");
    }
  }

  @Test
  @Order(5)
  void theTailOfABurstIsMadeSearchableOnceTheIndexerCatchesUp() throws Exception {
    // above Refresher.BUSY_RATE the indexer leaves refreshing to the index's schedule, which is off
    // here: only its refresh on catching up can make the whole burst searchable
    EsResponse off = service.elastic().call("PUT", "/newswire/_settings", "{\"index\":{\"refresh_interval\":\"-1\"}}");
    assertTrue(off.ok(), off.reason());
    int burst = 3 * Refresher.BUSY_RATE;
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(clients.producer("it"))) {
      for (int i = 0; i < burst; i++) {
        CleanArticle article = article("https://example.org/burst/" + i, "Tallinn harbour report number " + i + ".");
        producer.send(new ProducerRecord<>(Topics.CLEAN, article.id(), Json.write(article)));
      }
      producer.flush();
      await("the whole burst to be searchable", () -> count("text:tallinn"), n -> n == burst);
    } finally {
      service.elastic().call("PUT", "/newswire/_settings", "{\"index\":{\"refresh_interval\":\"1s\"}}");
    }
  }

  /**
   * Issue 12: Elasticsearch refuses a whole bulk request, 400, when one article in it fails the
   * request's validation; retried as it was, that request stalled the indexer for good.
   */
  @Test
  @Order(6)
  void articlesThatMakeElasticsearchRefuseTheWholeRequestAreDeadLetteredAndTheRestIndexed() throws Exception {
    await("the previous articles to be committed", this::lag, lag -> lag == 0);
    CleanArticle a = article("https://example.org/refused/id", "An id Elasticsearch refuses.");
    // an _id over 512 bytes, and an external version below 0 (fetched before 1970): both fail validation
    CleanArticle longId = new CleanArticle(1, "L".repeat(600), a.url(), a.source(), a.title(), a.published(),
        a.authors(), a.language(), a.section(), a.text(), a.contentHash(), a.extractionVersion(), a.fetchedAt(),
        a.cleanedAt());
    CleanArticle b = article("https://example.org/refused/version", "A version Elasticsearch refuses.");
    CleanArticle beforeEpoch = new CleanArticle(1, b.id(), b.url(), b.source(), b.title(), b.published(),
        b.authors(), b.language(), b.section(), b.text(), b.contentHash(), b.extractionVersion(),
        Instant.parse("1969-07-20T20:17:00Z"), b.cleanedAt());
    List<CleanArticle> fine = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(clients.producer("it"))) {
      for (int i = 0; i < 12; i++) {
        if (i == 4) {
          producer.send(new ProducerRecord<>(Topics.CLEAN, 0, longId.id(), Json.write(longId)));
        }
        if (i == 9) {
          producer.send(new ProducerRecord<>(Topics.CLEAN, 0, beforeEpoch.id(), Json.write(beforeEpoch)));
        }
        CleanArticle article = article("https://example.org/refused/fine/" + i, "Riga port report " + i + ".");
        fine.add(article);
        producer.send(new ProducerRecord<>(Topics.CLEAN, 0, article.id(), Json.write(article)));
      }
      producer.flush();
    }
    await("the twelve articles beside the refused ones to be indexed", () -> count("text:riga"), n -> n == 12);
    List<ConsumerRecord<String, byte[]>> letters = await("both dead letters", () -> readAll(Topics.dlq(Topics.CLEAN)),
        l -> l.stream().filter(r -> longId.id().equals(r.key()) || beforeEpoch.id().equals(r.key())).count() == 2);
    for (ConsumerRecord<String, byte[]> letter : letters) {
      if (longId.id().equals(letter.key()) || beforeEpoch.id().equals(letter.key())) {
        String reason = DeadLetters.header(letter.headers(), DeadLetters.REASON);
        assertTrue(reason.startsWith("Elasticsearch rejected the article: a bulk request of this article alone ("),
            reason);
        assertTrue(reason.contains("action_request_validation_exception"), reason);
        assertTrue(reason.contains(longId.id().equals(letter.key()) ? "is too long" : "illegal version value"),
            reason);
      }
    }
    await("the offsets to be committed", this::lag, lag -> lag == 0);
    assertEquals(0, count("text:refuses"));
  }

  /** Issue 13: a word finds its other forms in the article's language, and the snippet marks them. */
  @Test
  @Order(7)
  void aSearchFindsOtherFormsOfAWordInTheArticlesLanguage() throws Exception {
    CleanArticle english = article("https://example.org/stems/en", "The ministers sanctioned three banks in Minsk.");
    CleanArticle russian = new CleanArticle(1, DocumentIds.forUrl("https://example.org/stems/ru"),
        "https://example.org/stems/ru", "it", "Отчёт", "2021-09", List.of(), "ru", null,
        "Министры обсудили введение санкций против трёх банков.", DocumentIds.hash("ru"), "test", Instant.now(),
        Instant.now());
    send(english);
    send(russian);
    Searcher searcher = new Searcher(service.elastic(), "newswire");
    Searcher.Result sanction = await("the English article by its stem",
        () -> searcher.search("sanction AND banks", 0, 10), r -> r.total() == 1);
    assertEquals(english.id(), sanction.hits().get(0).id());
    assertTrue(sanction.hits().get(0).snippet().contains("<em>sanctioned</em>"), sanction.hits().get(0).snippet());
    Searcher.Result sanctions = await("the Russian article by its stem",
        () -> searcher.search("санкции", 0, 10), r -> r.total() == 1);
    assertEquals(russian.id(), sanctions.hits().get(0).id());
    assertEquals(0, searcher.search("sanctioned AND Отчёт", 0, 10).total(), "no stem of one language in another");
    assertEquals(1, searcher.search("\"sanctioned three banks\"", 0, 10).total(), "exact phrases still match");
  }

  private static CleanArticle article(String url, String text) {
    return new CleanArticle(1, DocumentIds.forUrl(url), url, "it", "Test report", "2021-09",
        List.of("A. Author"), "en", null, text, DocumentIds.hash(text), "test",
        Instant.now(), Instant.now());
  }

  private void send(CleanArticle article) throws Exception {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(clients.producer("it"))) {
      producer.send(new ProducerRecord<>(Topics.CLEAN, article.id(), Json.write(article))).get();
    }
  }

  private static String quoted(String s) {
    return "\"" + s + "\"";
  }

  private long count(String query) throws IOException {
    var body = "{\"query\":{\"query_string\":{\"query\":" + Json.mapper().writeValueAsString(query) + "}}}";
    EsResponse response = service.elastic().call("POST", "/newswire/_count", body);
    return response.ok() ? response.body().path("count").asLong() : -1;
  }

  /** Records on newswire.clean not yet committed by the indexer's group. */
  private long lag() throws Exception {
    return Probes.lag(clients, "newswire-indexer", Topics.CLEAN);
  }

  private List<ConsumerRecord<String, byte[]>> readAll(String topic) {
    return TopicSnapshot.read(clients.bootstrapServers(), topic);
  }

  private static <T> T await(String what, Callable<T> probe, Predicate<T> done) throws Exception {
    return Probes.await(what, TIMEOUT, probe, done);
  }
}
