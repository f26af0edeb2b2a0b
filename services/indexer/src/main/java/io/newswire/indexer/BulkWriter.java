package io.newswire.indexer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.model.CleanArticle;
import io.newswire.model.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes clean articles with one bulk request and reads the result of every item. The document id
 * is the {@code _id} and the fetch time its external version, so a replayed article is a no-op
 * (409) while a newer fetch of the same report replaces the older one.
 */
public final class BulkWriter {
  private final Elastic es;
  private final String alias;

  public BulkWriter(Elastic es, String alias) {
    this.es = es;
    this.alias = alias;
  }

  /**
   * @return one outcome per article, in order
   * @throws IOException when Elasticsearch cannot be reached (the whole batch is to be retried)
   */
  public List<BulkOutcome> write(List<CleanArticle> articles) throws IOException {
    return send(body(articles), articles.size());
  }

  /** The bulk request body for {@code articles}: built apart from sending so it can be ready early. */
  public String body(List<CleanArticle> articles) {
    StringBuilder body = new StringBuilder(articles.size() * 4096);
    Instant now = Instant.now();
    for (CleanArticle article : articles) {
      ObjectNode action = Json.mapper().createObjectNode();
      ObjectNode meta = action.putObject("index");
      meta.put("_index", alias).put("_id", article.id());
      meta.put("version", version(article)).put("version_type", "external");
      ObjectNode doc = Json.mapper().valueToTree(article);
      doc.remove("schemaVersion");
      doc.put("indexedAt", now.toString());
      body.append(action).append('\n').append(doc).append('\n');
    }
    return body.toString();
  }

  /**
   * Sends a body made by {@link #body} for {@code count} articles.
   *
   * @return one outcome per article, in order
   * @throws IOException when Elasticsearch cannot be reached (the whole batch is to be retried)
   */
  public List<BulkOutcome> send(String body, int count) throws IOException {
    EsResponse response = es.call("POST", "/_bulk", body);
    List<BulkOutcome> outcomes = new ArrayList<>(count);
    if (!response.ok()) {
      BulkOutcome whole = BulkOutcome.of(response.status(), response.reason());
      // a request-level 4xx is our bug or a closed index: retry rather than dead-letter everything
      BulkOutcome retry = new BulkOutcome(BulkOutcome.Kind.RETRY, whole.reason());
      for (int i = 0; i < count; i++) {
        outcomes.add(retry);
      }
      return outcomes;
    }
    for (JsonNode item : response.body().path("items")) {
      JsonNode result = item.path("index");
      int status = result.path("status").asInt(500);
      JsonNode error = result.path("error");
      String reason =
          error.isMissingNode()
              ? null
              : error.path("type").asText() + ": " + error.path("reason").asText();
      outcomes.add(BulkOutcome.of(status, reason));
    }
    if (outcomes.size() != count) {
      throw new IOException("Bulk response has " + outcomes.size() + " items for " + count + " articles");
    }
    return outcomes;
  }

  static long version(CleanArticle article) {
    Instant at = article.fetchedAt() != null ? article.fetchedAt() : article.cleanedAt();
    return at == null ? 1 : at.toEpochMilli();
  }
}
