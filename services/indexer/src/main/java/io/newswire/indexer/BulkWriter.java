package io.newswire.indexer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.model.CleanArticle;
import io.newswire.model.Json;
import io.newswire.model.NameKeys;
import io.newswire.model.StemmedFields;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Writes clean articles with bulk requests of at most {@code newswire.indexer.max-bulk-bytes} each
 * and reads the result of every item. The document id is the {@code _id} and the fetch time its
 * external version, so a replayed article is a no-op (409) while a newer fetch of the same report
 * replaces the older one.
 *
 * <p>A request Elasticsearch refuses whole for what it holds (413: larger than its {@code
 * http.max_content_length}; 400: an article fails the request's validation, such as an {@code _id}
 * over 512 bytes) is sent again in halves, down to the single article that is refused on its own:
 * that one is rejected (to the DLQ), the others are indexed. Any other refusal of a whole request
 * (429, 5xx, a timeout, but also 401/403 or a proxy's 404, which are about the credentials or the
 * path, not the articles) leaves its articles to be retried: dead-lettering them would not mend it.
 */
public final class BulkWriter {
  /** {@code newswire.indexer.max-bulk-bytes} by default. */
  public static final long DEFAULT_MAX_BULK_BYTES = 5L * 1024 * 1024;

  private static final Logger LOG = Logger.getLogger(BulkWriter.class);

  /** Where bulk request bodies go: Elasticsearch's {@code POST /_bulk}, or a fake in tests. */
  @FunctionalInterface
  interface Transport {
    /**
     * @return the response, whatever its status
     * @throws IOException when Elasticsearch cannot be reached
     */
    EsResponse bulk(byte[] body, int offset, int length) throws IOException;
  }

  private final Transport transport;
  private final String alias;
  private final long maxBulkBytes;

  /** A writer with the default bound on requests, as the benchmarks use it. */
  public BulkWriter(Elastic es, String alias) {
    this(es, alias, DEFAULT_MAX_BULK_BYTES);
  }

  public BulkWriter(Elastic es, String alias, long maxBulkBytes) {
    this(
        (body, offset, length) -> es.call("POST", "/_bulk", body, offset, length),
        alias,
        maxBulkBytes);
  }

  BulkWriter(Transport transport, String alias, long maxBulkBytes) {
    this.transport = transport;
    this.alias = alias;
    this.maxBulkBytes = maxBulkBytes;
  }

  /** Builds and sends the requests for {@code articles}: one outcome per article, in order. */
  public List<BulkOutcome> write(List<CleanArticle> articles) {
    return send(body(articles));
  }

  /**
   * The bulk request lines for {@code articles}: built apart from sending so they can be ready
   * early.
   */
  /**
   * The document Elasticsearch stores for {@code article}: its JSON without the schema version,
   * when it was indexed, its text again in its language's stemmed field, and its names' keys
   * ({@link NameKeys}).
   */
  public static ObjectNode document(CleanArticle article, Instant indexedAt) {
    ObjectNode doc = Json.mapper().valueToTree(article);
    doc.remove("schemaVersion");
    doc.put("indexedAt", indexedAt.toString());
    String stemmed = StemmedFields.fieldFor(article.language());
    if (stemmed != null) {
      // the title and the text as two values: the template's position gap keeps a phrase from
      // spanning them
      doc.putArray(stemmed).add(article.title() == null ? "" : article.title()).add(article.text());
    }
    doc.put(NameKeys.FIELD, NameKeys.field(article.language(), article.title(), article.text()));
    return doc;
  }

  public BulkBody body(List<CleanArticle> articles) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(articles.size() * 4096);
    int[] starts = new int[articles.size() + 1];
    Instant now = Instant.now();
    try {
      for (int i = 0; i < articles.size(); i++) {
        CleanArticle article = articles.get(i);
        ObjectNode action = Json.mapper().createObjectNode();
        ObjectNode meta = action.putObject("index");
        meta.put("_index", alias).put("_id", article.id());
        meta.put("version", version(article)).put("version_type", "external");
        ObjectNode doc = document(article, now);
        Json.mapper().writeValue(out, action);
        out.write('\n');
        Json.mapper().writeValue(out, doc);
        out.write('\n');
        starts[i + 1] = out.size();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the bulk request", e); // into memory: not expected
    }
    return new BulkBody(out.toByteArray(), starts);
  }

  /**
   * Sends a body made by {@link #body} as requests of at most the configured size.
   *
   * @return one outcome per article, in order; when Elasticsearch cannot be reached, the articles
   *     not yet written are to be retried
   */
  public List<BulkOutcome> send(BulkBody body) {
    List<BulkOutcome> outcomes = new ArrayList<>(body.size());
    try {
      for (int from = 0; from < body.size(); ) {
        int to = body.end(from, maxBulkBytes);
        send(body, from, to, outcomes);
        from = to;
      }
    } catch (IOException e) {
      BulkOutcome retry =
          new BulkOutcome(BulkOutcome.Kind.RETRY, "Elasticsearch unreachable: " + e.getMessage());
      while (outcomes.size() < body.size()) {
        outcomes.add(retry);
      }
    }
    return outcomes;
  }

  /**
   * Sends articles {@code from} to {@code to} (exclusive) as one request, halving it while it is
   * refused for its content.
   */
  private void send(BulkBody body, int from, int to, List<BulkOutcome> outcomes)
      throws IOException {
    int length = body.length(from, to);
    EsResponse response = transport.bulk(body.bytes(), body.offset(from), length);
    int count = to - from;
    if (response.ok()) {
      outcomes.addAll(items(response, count));
      return;
    }
    String reason =
        response.status() == 413
            ? "HTTP 413 Request Entity Too Large: over Elasticsearch's http.max_content_length"
            : response.reason();
    if (!refusedForContent(response.status())) {
      BulkOutcome retry = new BulkOutcome(BulkOutcome.Kind.RETRY, reason);
      for (int i = 0; i < count; i++) {
        outcomes.add(retry);
      }
      return;
    }
    if (count == 1) {
      outcomes.add(
          new BulkOutcome(
              BulkOutcome.Kind.REJECTED,
              "a bulk request of this article alone ("
                  + length
                  + " bytes) was refused: "
                  + reason));
      return;
    }
    if (response.status() == 413) {
      LOG.warnf(
          "Elasticsearch refused a bulk request of %d articles, %d bytes, as too large; sending it in halves."
              + " Set newswire.indexer.max-bulk-bytes (now %d) below the server's http.max_content_length",
          count, length, maxBulkBytes);
    } else {
      LOG.warnf(
          "Elasticsearch refused a bulk request of %d articles: %s; sending it in halves to find the article",
          count, reason);
    }
    int middle = from + count / 2;
    send(body, from, middle, outcomes);
    send(body, middle, to, outcomes);
  }

  /**
   * Whether a refusal of a whole request blames what the request holds, so halving it finds the
   * article at fault: 413 (too large) and 400 (an article fails validation). Every other status is
   * about the server, the credentials or the path, the same for any article.
   */
  static boolean refusedForContent(int status) {
    return status == 400 || status == 413;
  }

  private static List<BulkOutcome> items(EsResponse response, int count) throws IOException {
    if (response.body() == null) {
      throw new IOException("Bulk response of HTTP " + response.status() + " has no body");
    }
    List<BulkOutcome> outcomes = new ArrayList<>(count);
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
      throw new IOException(
          "Bulk response has " + outcomes.size() + " items for " + count + " articles");
    }
    return outcomes;
  }

  static long version(CleanArticle article) {
    Instant at = article.fetchedAt() != null ? article.fetchedAt() : article.cleanedAt();
    return at == null ? 1 : at.toEpochMilli();
  }
}
