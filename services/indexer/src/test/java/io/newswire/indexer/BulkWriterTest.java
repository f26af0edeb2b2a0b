package io.newswire.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.model.CleanArticle;
import io.newswire.model.DocumentIds;
import io.newswire.model.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: bulk requests bounded in bytes, and the split that finds the article a whole request is
 * refused for, against a fake transport (IndexerIT and RequestLimitIT do it against Elasticsearch).
 */
class BulkWriterTest {

  /**
   * Answers like Elasticsearch: 413 above {@code maxContentLength}, 400 for a request holding an
   * invalid article.
   */
  private static final class FakeElasticsearch implements BulkWriter.Transport {
    private final int maxContentLength;
    private final Predicate<String> invalidId;
    final List<Integer> requestBytes = new ArrayList<>();
    final List<String> indexed = new ArrayList<>();
    int failAtRequest = -1;

    FakeElasticsearch(int maxContentLength, Predicate<String> invalidId) {
      this.maxContentLength = maxContentLength;
      this.invalidId = invalidId;
    }

    @Override
    public EsResponse bulk(byte[] body, int offset, int length) throws IOException {
      requestBytes.add(length);
      if (requestBytes.size() - 1 == failAtRequest) {
        throw new IOException("Connection refused");
      }
      if (length > maxContentLength) {
        return new EsResponse(413, null);
      }
      String[] lines = new String(body, offset, length, StandardCharsets.UTF_8).split("\n");
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < lines.length; i += 2) {
        ids.add(Json.mapper().readTree(lines[i]).path("index").path("_id").asText());
      }
      if (ids.stream().anyMatch(invalidId)) {
        return new EsResponse(
            400,
            Json.mapper()
                .readTree(
                    "{\"error\":{\"root_cause\":[{\"type\":\"action_request_validation_exception\","
                        + "\"reason\":\"Validation Failed: 1: id is too long, must be no longer than 512 bytes\"}]},\"status\":400}"));
      }
      indexed.addAll(ids);
      ObjectNode response = Json.mapper().createObjectNode().put("errors", false);
      ArrayNode items = response.putArray("items");
      ids.forEach(id -> items.addObject().putObject("index").put("_id", id).put("status", 201));
      return new EsResponse(200, response);
    }
  }

  /** In a language with no stemmed field, so that its size in the request is its size alone. */
  private static CleanArticle article(int i, int textBytes) {
    return article(i, textBytes, "uk");
  }

  private static CleanArticle article(int i, int textBytes, String language) {
    String url = "https://example.org/report/" + i;
    String text = "x".repeat(textBytes);
    return new CleanArticle(
        1,
        DocumentIds.forUrl(url),
        url,
        "test",
        "Report " + i,
        "2021-09",
        List.of(),
        language,
        null,
        text,
        "h",
        "test",
        Instant.parse("2021-09-01T00:00:00Z"),
        Instant.parse("2021-09-01T00:00:01Z"));
  }

  private static List<CleanArticle> articles(int count, int textBytes) {
    return new ArrayList<>(IntStream.range(0, count).mapToObj(i -> article(i, textBytes)).toList());
  }

  private static long count(List<BulkOutcome> outcomes, BulkOutcome.Kind kind) {
    return outcomes.stream().filter(o -> o.kind() == kind).count();
  }

  @Test
  void anArticleInAStemmedLanguageCarriesItsTitleAndTextInItsStemmedField() throws Exception {
    BulkWriter writer = new BulkWriter((body, offset, length) -> null, "newswire", 5 * 1024 * 1024);
    String[] lines =
        new String(
                writer.body(List.of(article(1, 10, "en"), article(2, 10, "uk"))).bytes(),
                java.nio.charset.StandardCharsets.UTF_8)
            .split("\n");
    JsonNode english = Json.mapper().readTree(lines[1]);
    assertEquals("Report 1", english.path("stem_en").path(0).asText());
    assertEquals("x".repeat(10), english.path("stem_en").path(1).asText());
    JsonNode ukrainian = Json.mapper().readTree(lines[3]);
    assertTrue(
        ukrainian.properties().stream().noneMatch(e -> e.getKey().startsWith("stem_")),
        "no stemmer for Ukrainian: " + ukrainian);
  }

  @Test
  void aBatchOverMaxBulkBytesGoesAsSeveralRequestsEachWithinIt() {
    FakeElasticsearch es = new FakeElasticsearch(Integer.MAX_VALUE, id -> false);
    BulkWriter writer = new BulkWriter(es, "newswire", 64 * 1024);
    List<CleanArticle> batch =
        articles(50, 10_000); // about 10.4 KB of bulk lines each, 520 KB in all

    List<BulkOutcome> outcomes = writer.write(batch);

    assertEquals(50, count(outcomes, BulkOutcome.Kind.INDEXED));
    assertEquals(
        9, es.requestBytes.size(), "six articles of 10.4 KB fit in 64 KB: 50 go as 9 requests");
    es.requestBytes.forEach(bytes -> assertTrue(bytes <= 64 * 1024, bytes + " bytes"));
    assertEquals(batch.stream().map(CleanArticle::id).toList(), es.indexed, "each once, in order");
  }

  @Test
  void aRequestRefusedAsTooLargeIsHalvedUntilTheArticleTooLargeAloneIsFound() {
    // the server takes 100 KB, less than the indexer's bound: an operator's mismatch, or a proxy in
    // front
    FakeElasticsearch es = new FakeElasticsearch(100 * 1024, id -> false);
    BulkWriter writer = new BulkWriter(es, "newswire", 5 * 1024 * 1024);
    List<CleanArticle> batch = articles(20, 8_000);
    CleanArticle oversize = article(99, 200_000);
    batch.add(13, oversize);

    List<BulkOutcome> outcomes = writer.write(batch);

    assertEquals(20, count(outcomes, BulkOutcome.Kind.INDEXED));
    BulkOutcome rejected = outcomes.get(13);
    assertEquals(BulkOutcome.Kind.REJECTED, rejected.kind());
    assertTrue(
        rejected.reason().startsWith("a bulk request of this article alone (200"),
        rejected.reason());
    assertTrue(
        rejected
            .reason()
            .endsWith(
                "was refused: HTTP 413 Request Entity Too Large: over Elasticsearch's"
                    + " http.max_content_length"),
        rejected.reason());
    assertEquals(20, es.indexed.size(), "every other article indexed once");
    assertFalse(es.indexed.contains(oversize.id()));
    // refused halves: 21 articles (370 KB) -> 11 (285 KB) -> 5 (234 KB) -> 3 (217 KB) -> 2 (209 KB)
    // -> 1;
    // with the halves taken beside them, 11 requests
    assertEquals(11, es.requestBytes.size());
  }

  @Test
  void aWholeRequestRefusedAsInvalidIsHalvedToTheInvalidArticle() {
    FakeElasticsearch es = new FakeElasticsearch(Integer.MAX_VALUE, id -> id.length() > 512);
    BulkWriter writer = new BulkWriter(es, "newswire", 5 * 1024 * 1024);
    List<CleanArticle> batch = articles(8, 100);
    CleanArticle a = batch.get(5);
    batch.set(
        5,
        new CleanArticle(
            1,
            "i".repeat(600),
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
            a.cleanedAt()));

    List<BulkOutcome> outcomes = writer.write(batch);

    assertEquals(7, count(outcomes, BulkOutcome.Kind.INDEXED));
    assertEquals(BulkOutcome.Kind.REJECTED, outcomes.get(5).kind());
    assertTrue(
        outcomes
            .get(5)
            .reason()
            .endsWith(
                "was refused: action_request_validation_exception: Validation"
                    + " Failed: 1: id is too long, must be no longer than 512 bytes"),
        outcomes.get(5).reason());
  }

  @Test
  void refusalsThatAreNotAboutTheArticlesAreRetriedWithoutSplitting() {
    for (int status : new int[] {429, 503, 401, 403, 406}) {
      List<Integer> requests = new ArrayList<>();
      BulkWriter writer =
          new BulkWriter(
              (body, offset, length) -> {
                requests.add(length);
                return new EsResponse(status, null);
              },
              "newswire",
              5 * 1024 * 1024);

      List<BulkOutcome> outcomes = writer.write(articles(8, 100));

      assertEquals(8, count(outcomes, BulkOutcome.Kind.RETRY), "HTTP " + status);
      assertEquals("HTTP " + status, outcomes.get(0).reason());
      assertEquals(1, requests.size(), "HTTP " + status + " is not split");
    }
  }

  @Test
  void whenElasticsearchBecomesUnreachableTheArticlesNotYetWrittenAreToBeRetried() {
    FakeElasticsearch es = new FakeElasticsearch(Integer.MAX_VALUE, id -> false);
    es.failAtRequest = 1;
    BulkWriter writer = new BulkWriter(es, "newswire", 64 * 1024);

    List<BulkOutcome> outcomes = writer.write(articles(20, 10_000)); // 4 requests: 6, 6, 6, 2

    assertEquals(6, count(outcomes, BulkOutcome.Kind.INDEXED));
    assertEquals(14, count(outcomes, BulkOutcome.Kind.RETRY));
    assertEquals(BulkOutcome.Kind.RETRY, outcomes.get(6).kind());
    assertEquals("Elasticsearch unreachable: Connection refused", outcomes.get(19).reason());
    assertEquals(
        2, es.requestBytes.size(), "no request after the one that found Elasticsearch gone");
  }

  @Test
  void anItemLevelRejectionStaysTheArticlesAlone() throws IOException {
    JsonNode body =
        Json.mapper()
            .readTree(
                "{\"items\":[{\"index\":{\"status\":201}},{\"index\":{\"status\":400,"
                    + "\"error\":{\"type\":\"mapper_parsing_exception\",\"reason\":\"failed to parse\"}}},{\"index\":{\"status\":409}}]}");
    List<Integer> requests = new ArrayList<>();
    BulkWriter writer =
        new BulkWriter(
            (b, offset, length) -> {
              requests.add(length);
              return new EsResponse(200, body);
            },
            "newswire",
            5 * 1024 * 1024);

    List<BulkOutcome> outcomes = writer.write(articles(3, 100));

    assertEquals(
        List.of(BulkOutcome.Kind.INDEXED, BulkOutcome.Kind.REJECTED, BulkOutcome.Kind.INDEXED),
        outcomes.stream().map(BulkOutcome::kind).toList());
    assertEquals("mapper_parsing_exception: failed to parse", outcomes.get(1).reason());
    assertEquals(1, requests.size());
  }
}
