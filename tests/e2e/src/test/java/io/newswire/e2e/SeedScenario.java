package io.newswire.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.launcher.RepoLayout;
import io.newswire.model.DocumentIds;
import io.newswire.model.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 2's end-to-end scenario, whatever runs Newswire: the five seed reports dropped into the
 * watched folder come out of the real fetcher, cleaner, indexer and alerter searchable and alerted
 * on, with the boilerplate left behind. Subclasses say where the services are.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SeedScenario {
  static final Duration INGEST_TIMEOUT = Duration.ofSeconds(120);
  static final List<String> SEEDS =
      List.of(
          "000_fd365139ecb07d38",
          "001_d0c8aea6b99f999c",
          "002_d2404225d53646e3",
          "003_6140f8882c5450fe",
          "004_39f97dcc2323362a");

  private static String natoRuleId;

  /** Base URL of a service's HTTP API. */
  abstract String url(Service service);

  abstract String elasticsearchUrl();

  /** The folder the fetcher watches. */
  abstract Path watched();

  @Test
  @Order(1)
  void seedReportsBecomeSearchableWithoutTheirBoilerplate() throws Exception {
    var rule =
        Http.post(url(Service.ALERTER) + "/rules", "{\"name\":\"NATO watch\",\"query\":\"NATO\"}");
    assertEquals(201, rule.status(), "rule creation: " + rule.body());
    natoRuleId = rule.body().path("id").asText();
    Await.until(
        "the rule to be active",
        Duration.ofSeconds(10),
        () -> Http.get(url(Service.ALERTER) + "/rules").body(),
        rules -> rules.size() == 1);

    for (String seed : SEEDS) {
      Files.copy(seeds().resolve(seed + ".txt"), watched().resolve(seed + ".txt"));
    }
    Await.until("5 indexed documents", INGEST_TIMEOUT, this::count, n -> n == 5);

    assertEquals(Set.of(), hits("Artsakh"), "Artsakh occurs only in 002's teasers");
    assertEquals(Set.of(), hits("Biden"), "Biden occurs only in 002's teasers");
    assertEquals(Set.of(id(SEEDS.get(1)), id(SEEDS.get(2))), hits("Lavrov"));
    assertEquals(Set.of(id(SEEDS.get(3))), hits("Wagner"));
  }

  @Test
  @Order(2)
  void searchApiReturnsHighlightedHits() throws Exception {
    var reply = Http.get(url(Service.INDEXER) + "/search?q=" + Http.encode("Lavrov"));
    assertEquals(200, reply.status());
    assertEquals(2, reply.body().path("total").asLong());
    for (JsonNode hit : reply.body().path("hits")) {
      assertTrue(hit.path("snippet").asText().contains("<em>Lavrov</em>"), hit.toString());
      assertTrue(hit.path("url").asText().startsWith("file:"), hit.toString());
    }
    var invalid = Http.get(url(Service.INDEXER) + "/search?q=" + Http.encode("title:(unclosed"));
    assertEquals(400, invalid.status());
  }

  @Test
  @Order(3)
  void ruleAlertsOnTheReportsThatMentionIt() throws Exception {
    Await.until(
        "NATO alerts on 000 and 001",
        Duration.ofSeconds(30),
        () -> alertedArticles(natoRuleId),
        ids -> ids.size() >= 2);
    Thread.sleep(2000); // a wrong third alert would arrive by now
    assertEquals(
        Set.of(id(SEEDS.get(0)), id(SEEDS.get(1))),
        alertedArticles(natoRuleId),
        "NATO is only in 002's teasers, which the cleaner drops");
  }

  long count() throws Exception {
    var reply = Http.get(elasticsearchUrl() + "/newswire/_count");
    return reply.status() == 200 ? reply.body().path("count").asLong() : -1;
  }

  /** Ids of the documents the search API finds. */
  Set<String> hits(String query) throws Exception {
    var reply = Http.get(url(Service.INDEXER) + "/search?size=100&q=" + Http.encode(query));
    assertEquals(200, reply.status(), String.valueOf(reply.body()));
    Set<String> ids = new HashSet<>();
    reply.body().path("hits").forEach(h -> ids.add(h.path("id").asText()));
    return ids;
  }

  /** Articles the rule alerted on, as the alerter's feed of recent alerts shows them. */
  Set<String> alertedArticles(String ruleId) throws Exception {
    Set<String> ids = new HashSet<>();
    for (JsonNode entry : Http.get(url(Service.ALERTER) + "/alerts?after=0").body()) {
      if (entry.path("alert").path("ruleId").asText().equals(ruleId)) {
        ids.add(entry.path("alert").path("articleId").asText());
      }
    }
    return ids;
  }

  static String id(String seed) {
    return DocumentIds.forUrl("file:" + seed + ".txt");
  }

  static Path seeds() {
    return repoRoot().resolve("deploy/seed/reports");
  }

  static Path repoRoot() {
    return RepoLayout.find().root();
  }
}
