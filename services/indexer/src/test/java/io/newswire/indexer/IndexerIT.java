package io.newswire.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.kafka.DeadLetters;
import io.newswire.kafka.KafkaClients;
import io.newswire.launcher.EmbeddedStack;
import io.newswire.model.CleanArticle;
import io.newswire.model.DocumentIds;
import io.newswire.model.Json;
import io.newswire.model.Topics;
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
import java.util.Set;
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
    CleanArticle article =
        article("https://example.org/replayed", "Lavrov met Pashinyan in Moscow.");
    send(article);
    send(article); // a replay: same id, same version
    await("the article to be searchable", () -> count("id:" + quoted(article.id())), n -> n == 1);
    Thread.sleep(1500); // a duplicate would show after the next refresh
    assertEquals(1, count("id:" + quoted(article.id())));
  }

  @Test
  @Order(2)
  void articleElasticsearchRejectsGoesToTheDlqAndTheRestFlows() throws Exception {
    // a keyword longer than Lucene's 32766-byte term limit: Elasticsearch answers 400 for this item
    // only
    String hugeUrl = "https://example.org/" + "x".repeat(40_000);
    CleanArticle rejected = article(hugeUrl, "Too long a URL.");
    CleanArticle fine = article("https://example.org/after-the-rejected", "Belarus and Russia.");
    send(rejected);
    send(fine);
    await(
        "the article after the rejected one", () -> count("id:" + quoted(fine.id())), n -> n == 1);
    List<ConsumerRecord<String, byte[]>> letters =
        await(
            "the dead letter",
            () -> readAll(Topics.dlq(Topics.CLEAN)),
            l -> l.stream().anyMatch(r -> rejected.id().equals(r.key())));
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
      CleanArticle a =
          article("https://example.org/outage/" + i, "Report " + i + " written during the outage.");
      during.add(a);
      send(a);
    }
    Thread.sleep(3000); // the indexer has read them and is retrying
    assertEquals(20, lag(), "nothing written while Elasticsearch is down may be committed");
    stack.restartElasticsearch();
    await(
        "all 20 articles to be indexed after the outage", () -> count("text:outage"), n -> n == 20);
    await("the offsets to be committed", this::lag, lag -> lag == 0);
  }

  @Test
  @Order(4)
  void indexerRefreshesSoArticlesAreSearchableWithoutTheScheduledRefresh() throws Exception {
    // with the scheduled refresh off, only the indexer's own refresh after its bulk request can
    // make the article searchable
    EsResponse off =
        service
            .elastic()
            .call("PUT", "/newswire/_settings", "{\"index\":{\"refresh_interval\":\"-1\"}}");
    assertTrue(off.ok(), off.reason());
    try {
      CleanArticle article =
          article("https://example.org/refreshed", "Minsk and Vilnius signed the accord.");
      send(article);
      await("the article to be searchable", () -> count("id:" + quoted(article.id())), n -> n == 1);
    } finally {
      service
          .elastic()
          .call("PUT", "/newswire/_settings", "{\"index\":{\"refresh_interval\":\"1s\"}}");
    }
  }

  @Test
  @Order(5)
  void theTailOfABurstIsMadeSearchableOnceTheIndexerCatchesUp() throws Exception {
    // above Refresher.BUSY_RATE the indexer leaves refreshing to the index's schedule, which is off
    // here: only its refresh on catching up can make the whole burst searchable
    EsResponse off =
        service
            .elastic()
            .call("PUT", "/newswire/_settings", "{\"index\":{\"refresh_interval\":\"-1\"}}");
    assertTrue(off.ok(), off.reason());
    int burst = 3 * Refresher.BUSY_RATE;
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(clients.producer("it"))) {
      for (int i = 0; i < burst; i++) {
        CleanArticle article =
            article("https://example.org/burst/" + i, "Tallinn harbour report number " + i + ".");
        producer.send(new ProducerRecord<>(Topics.CLEAN, article.id(), Json.write(article)));
      }
      producer.flush();
      await("the whole burst to be searchable", () -> count("text:tallinn"), n -> n == burst);
    } finally {
      service
          .elastic()
          .call("PUT", "/newswire/_settings", "{\"index\":{\"refresh_interval\":\"1s\"}}");
    }
  }

  /**
   * Issue 12: Elasticsearch refuses a whole bulk request, 400, when one article in it fails the
   * request's validation; retried as it was, that request stalled the indexer for good.
   */
  @Test
  @Order(6)
  void articlesThatMakeElasticsearchRefuseTheWholeRequestAreDeadLetteredAndTheRestIndexed()
      throws Exception {
    await("the previous articles to be committed", this::lag, lag -> lag == 0);
    CleanArticle a = article("https://example.org/refused/id", "An id Elasticsearch refuses.");
    // an _id over 512 bytes, and an external version below 0 (fetched before 1970): both fail
    // validation
    CleanArticle longId =
        new CleanArticle(
            1,
            "L".repeat(600),
            a.url(),
            a.source(),
            a.title(),
            a.published(),
            a.authors(),
            a.language(),
            a.section(),
            a.text(),
            a.contentHash(),
            a.extractionVersion(),
            a.fetchedAt(),
            a.cleanedAt());
    CleanArticle b =
        article("https://example.org/refused/version", "A version Elasticsearch refuses.");
    CleanArticle beforeEpoch =
        new CleanArticle(
            1,
            b.id(),
            b.url(),
            b.source(),
            b.title(),
            b.published(),
            b.authors(),
            b.language(),
            b.section(),
            b.text(),
            b.contentHash(),
            b.extractionVersion(),
            Instant.parse("1969-07-20T20:17:00Z"),
            b.cleanedAt());
    List<CleanArticle> fine = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(clients.producer("it"))) {
      for (int i = 0; i < 12; i++) {
        if (i == 4) {
          producer.send(new ProducerRecord<>(Topics.CLEAN, 0, longId.id(), Json.write(longId)));
        }
        if (i == 9) {
          producer.send(
              new ProducerRecord<>(Topics.CLEAN, 0, beforeEpoch.id(), Json.write(beforeEpoch)));
        }
        CleanArticle article =
            article("https://example.org/refused/fine/" + i, "Riga port report " + i + ".");
        fine.add(article);
        producer.send(new ProducerRecord<>(Topics.CLEAN, 0, article.id(), Json.write(article)));
      }
      producer.flush();
    }
    await(
        "the twelve articles beside the refused ones to be indexed",
        () -> count("text:riga"),
        n -> n == 12);
    List<ConsumerRecord<String, byte[]>> letters =
        await(
            "both dead letters",
            () -> readAll(Topics.dlq(Topics.CLEAN)),
            l ->
                l.stream()
                        .filter(
                            r -> longId.id().equals(r.key()) || beforeEpoch.id().equals(r.key()))
                        .count()
                    == 2);
    for (ConsumerRecord<String, byte[]> letter : letters) {
      if (longId.id().equals(letter.key()) || beforeEpoch.id().equals(letter.key())) {
        String reason = DeadLetters.header(letter.headers(), DeadLetters.REASON);
        assertTrue(
            reason.startsWith(
                "Elasticsearch rejected the article: a bulk request of this article alone ("),
            reason);
        assertTrue(reason.contains("action_request_validation_exception"), reason);
        assertTrue(
            reason.contains(
                longId.id().equals(letter.key()) ? "is too long" : "illegal version value"),
            reason);
      }
    }
    await("the offsets to be committed", this::lag, lag -> lag == 0);
    assertEquals(0, count("text:refuses"));
  }

  /**
   * Issue 13: a word finds its other forms in the article's language, and the snippet marks them.
   */
  @Test
  @Order(7)
  void aSearchFindsOtherFormsOfAWordInTheArticlesLanguage() throws Exception {
    CleanArticle english =
        article("https://example.org/stems/en", "The ministers sanctioned three banks in Minsk.");
    CleanArticle russian =
        new CleanArticle(
            1,
            DocumentIds.forUrl("https://example.org/stems/ru"),
            "https://example.org/stems/ru",
            "it",
            "Отчёт",
            "2021-09",
            List.of(),
            "ru",
            null,
            "Министры обсудили введение санкций против трёх банков.",
            DocumentIds.hash("ru"),
            "test",
            Instant.now(),
            Instant.now());
    send(english);
    send(russian);
    Searcher searcher = new Searcher(service.elastic(), "newswire");
    Searcher.Result sanction =
        await(
            "the English article by its stem",
            () -> searcher.search("sanction AND banks", 0, 10),
            r -> r.total() == 1);
    assertEquals(english.id(), sanction.hits().get(0).id());
    assertTrue(
        sanction.hits().get(0).snippet().contains("<em>sanctioned</em>"),
        sanction.hits().get(0).snippet());
    Searcher.Result sanctions =
        await(
            "the Russian article by its stem",
            () -> searcher.search("санкции", 0, 10),
            r -> r.total() == 1);
    assertEquals(russian.id(), sanctions.hits().get(0).id());
    assertEquals(
        0,
        searcher.search("sanctioned AND Отчёт", 0, 10).total(),
        "no stem of one language in another");
    assertEquals(
        1,
        searcher.search("\"sanctioned three banks\"", 0, 10).total(),
        "exact phrases still match");
  }

  /**
   * Issue 13: two copies of one report are one hit with both sources, {@code all} lists both, and
   * articles indexed before stories (no story id) are each a story of their own.
   */
  @Test
  @Order(8)
  void copiesOfOneStoryAreOneHitWithTheirSources() throws Exception {
    String text =
        "The envoys of both sides agreed on a ceasefire line near Shusha on Friday morning.";
    CleanArticle first = article("https://example.org/stories/first", text);
    String copyUrl = "https://example.net/wire/copy";
    CleanArticle copy =
        new CleanArticle(
                1,
                DocumentIds.forUrl(copyUrl),
                copyUrl,
                "wire",
                "Test report",
                null,
                List.of(),
                "en",
                null,
                text,
                DocumentIds.hash(text),
                "test",
                Instant.now(),
                Instant.now())
            .inStory(first.id(), first.id());
    send(first);
    send(copy);
    Searcher searcher = new Searcher(service.elastic(), "newswire");
    String query = "Shusha AND envoys";
    Searcher.Result all =
        await(
            "both copies",
            () -> searcher.search(query, false, true, 0, 10),
            r -> r.hits().size() == 2);
    assertEquals(1, all.stories());
    Searcher.Result stories = searcher.search(query, false, false, 0, 10);
    assertEquals(1, stories.hits().size(), "one hit per story");
    assertEquals(2, stories.total(), "reports");
    assertEquals(1, stories.stories());
    Searcher.Hit hit = stories.hits().get(0);
    assertEquals(first.id(), hit.storyId());
    assertEquals(1, hit.copies().size());
    assertEquals(Set.of("it", "wire"), Set.of(hit.source(), hit.copies().get(0).source()));

    for (String id : List.of("before-stories-1", "before-stories-2")) {
      EsResponse old =
          service
              .elastic()
              .call(
                  "PUT",
                  "/newswire/_doc/" + id + "?refresh=true",
                  "{\"id\":\""
                      + id
                      + "\",\"title\":\"Old report\",\"text\":\""
                      + text
                      + "\",\"source\":\"old\"}");
      assertTrue(old.ok(), old.reason());
    }
    IndexSetup.ensure(service.elastic(), "newswire", "newswire-unused");
    Searcher.Result withOld =
        await(
            "the old articles as stories of their own",
            () -> searcher.search(query, false, false, 0, 10),
            r -> r.stories() == 3);
    assertEquals(3, withOld.hits().size());
  }

  /**
   * Issue 13: a name finds its other spellings and scripts (the Belarusian romanisation, Russian
   * and Belarusian Cyrillic); quoted, or with {@code exact}, only the spelling written; another
   * name sharing a prefix, never.
   */
  @Test
  @Order(9)
  void aNameFindsItsOtherSpellingsAndScripts() throws Exception {
    CleanArticle latin =
        article("https://example.org/names/be-latin", "Lukashenka spoke to the envoys on Tuesday.");
    CleanArticle russian =
        new CleanArticle(
            1,
            DocumentIds.forUrl("https://example.org/names/ru"),
            "https://example.org/names/ru",
            "it",
            "Заявление",
            null,
            List.of(),
            "ru",
            null,
            "Лукашенко выступил перед послами во вторник.",
            DocumentIds.hash("names-ru"),
            "test",
            Instant.now(),
            Instant.now());
    CleanArticle belarusian =
        new CleanArticle(
            1,
            DocumentIds.forUrl("https://example.org/names/be"),
            "https://example.org/names/be",
            "it",
            "Заява",
            null,
            List.of(),
            "be",
            null,
            "Лукашэнка выступіў перад пасламі ў аўторак.",
            DocumentIds.hash("names-be"),
            "test",
            Instant.now(),
            Instant.now());
    CleanArticle other =
        article("https://example.org/names/other", "Lukashevich spoke to the envoys on Tuesday.");
    for (CleanArticle a : List.of(latin, russian, belarusian, other)) {
      send(a);
    }
    Searcher searcher = new Searcher(service.elastic(), "newswire");
    Searcher.Result lukashenko =
        await(
            "all three spellings", () -> searcher.search("Lukashenko", 0, 10), r -> r.total() == 3);
    Set<String> ids = new java.util.HashSet<>();
    lukashenko.hits().forEach(h -> ids.add(h.id()));
    assertEquals(Set.of(latin.id(), russian.id(), belarusian.id()), ids, "not Lukashevich");
    assertEquals(3, searcher.search("Лукашенко", 0, 10).total(), "from the Cyrillic spelling too");
    assertEquals(
        0, searcher.search("\"Lukashenko\"", 0, 10).total(), "quoted: only the spelling written");
    assertEquals(
        0, searcher.search("Lukashenko", false, 0, 10).total(), "exact: only the spelling written");
  }

  /**
   * Issue 14: the console's search narrows by source, language and publication dates (a day alone
   * includes itself), sorts newest first, counts the sources and languages of all matches, and
   * opens one article with its story's other copies and without the fields kept for searching.
   */
  @Test
  @Order(10)
  void aSearchIsNarrowedSortedAndCountedAndAnArticleOpensWithItsCopies() throws Exception {
    String text = "The harvest fair at Vranje drew growers from the whole valley.";
    CleanArticle january =
        dated("https://example.org/fair/jan", "alpha", "en", "2021-01-05T08:00:00Z", text);
    CleanArticle march =
        dated(
            "https://example.org/fair/mar",
            "beta",
            "de",
            "2021-03-10T08:00:00Z",
            "Die Messe in Vranje zog Bauern aus dem ganzen Tal an.");
    CleanArticle february =
        dated("https://example.net/fair/feb", "alpha", "en", "2021-02-01T23:30:00Z", text)
            .inStory(january.id(), january.id());
    for (CleanArticle a : List.of(january, march, february)) {
      send(a);
    }
    Searcher searcher = new Searcher(service.elastic(), "newswire");
    Searcher.Request all =
        new Searcher.Request(
            "Vranje", false, true, Searcher.Filters.NONE, Searcher.Order.NEWEST, 0, 10);
    Searcher.Result newest =
        await("the three reports", () -> searcher.search(all), r -> r.total() == 3);
    assertEquals(List.of(march.id(), february.id(), january.id()), ids(newest), "newest first");
    assertEquals(
        List.of(new Searcher.Facet("alpha", 2), new Searcher.Facet("beta", 1)),
        newest.facets().get("source"));
    assertEquals(
        List.of(new Searcher.Facet("en", 2), new Searcher.Facet("de", 1)),
        newest.facets().get("language"));
    assertEquals("de", newest.hits().get(0).language());

    assertEquals(
        Set.of(january.id(), february.id()),
        Set.copyOf(ids(searcher.search(narrowed(all, List.of("alpha"), List.of(), null, null)))));
    assertEquals(
        List.of(march.id()),
        ids(searcher.search(narrowed(all, List.of(), List.of("de"), null, null))));
    assertEquals(
        Set.of(march.id(), february.id()),
        Set.copyOf(ids(searcher.search(narrowed(all, List.of(), List.of(), "2021-02-01", null)))));
    assertEquals(
        Set.of(january.id(), february.id()),
        Set.copyOf(ids(searcher.search(narrowed(all, List.of(), List.of(), null, "2021-02-01")))),
        "a day alone includes the whole day");
    assertEquals(
        List.of(), ids(searcher.search(narrowed(all, List.of("beta"), List.of("en"), null, null))));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Searcher.Filters(List.of(), List.of(), "May", null));
    assertThrows(IllegalArgumentException.class, () -> Searcher.Order.parse("oldest"));

    var article = searcher.article(january.id()).orElseThrow();
    assertEquals(text, article.path("text").asText());
    assertEquals("alpha", article.path("source").asText());
    assertTrue(
        article.path("names").isMissingNode() && article.path("stem_en").isMissingNode(),
        article.toString());
    assertEquals(1, article.path("copies").size());
    assertEquals(february.id(), article.path("copies").get(0).path("id").asText());
    assertEquals(february.url(), article.path("copies").get(0).path("url").asText());
    assertTrue(searcher.article("no-such-article").isEmpty());
  }

  private static Searcher.Request narrowed(
      Searcher.Request request,
      List<String> sources,
      List<String> languages,
      String since,
      String until) {
    return new Searcher.Request(
        request.query(),
        request.variants(),
        request.all(),
        new Searcher.Filters(sources, languages, since, until),
        request.order(),
        request.from(),
        request.size());
  }

  private static List<String> ids(Searcher.Result result) {
    return result.hits().stream().map(Searcher.Hit::id).toList();
  }

  private static CleanArticle dated(
      String url, String source, String language, String published, String text) {
    return new CleanArticle(
        1,
        DocumentIds.forUrl(url),
        url,
        source,
        "Fair report",
        published,
        List.of(),
        language,
        null,
        text,
        DocumentIds.hash(url),
        "test",
        Instant.now(),
        Instant.now());
  }

  private static CleanArticle article(String url, String text) {
    return new CleanArticle(
        1,
        DocumentIds.forUrl(url),
        url,
        "it",
        "Test report",
        "2021-09",
        List.of("A. Author"),
        "en",
        null,
        text,
        DocumentIds.hash(text),
        "test",
        Instant.now(),
        Instant.now());
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
    var body =
        "{\"query\":{\"query_string\":{\"query\":"
            + Json.mapper().writeValueAsString(query)
            + "}}}";
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
