package io.newswire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.indexer.Elastic;
import io.newswire.indexer.Searcher;
import io.newswire.model.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.RestClient;

/**
 * The three ways the search benchmark asks for the same first page of results: Elasticsearch's
 * {@code _search} with the very body the indexer sends for the query (the baseline), the indexer's
 * {@code GET /search}, and the console's search page {@code GET /?q=}, which calls the indexer's
 * search in turn. Each is timed from sending the request to having the whole answer, over one
 * kept-alive HTTP/1.1 connection of this JVM; answers are parsed and checked after the clock stops.
 */
final class SearchTargets {
  /**
   * The page the console shows first: 10 hits by relevance, one per story, names in all their
   * spellings.
   */
  static final int SIZE = 10;

  private static final Duration ANSWER = Duration.ofSeconds(30);

  /**
   * One timed request: its latency, and Elasticsearch's own {@code took} for the baseline (else
   * -1).
   */
  record Timed(double millis, long tookMillis) {}

  /** One of the ways to ask. */
  interface Target {
    String name();

    Timed run(int query) throws IOException, InterruptedException;
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String esUrl;
  private final String alias;
  private final String key;
  private final List<String> queries;
  private final List<String> bodies = new ArrayList<>();
  private final List<Long> totals = new ArrayList<>();

  /**
   * Captures, for each query, the {@code _search} body the indexer's {@link Searcher} sends (it
   * runs once against Elasticsearch to do so), and how many reports it matches.
   *
   * @param key an API key with the reader role, for the indexer and, as the sign-in cookie, the
   *     console
   */
  SearchTargets(String esUrl, String alias, String key, List<String> queries) throws IOException {
    this.esUrl = esUrl;
    this.alias = alias;
    this.key = key;
    this.queries = List.copyOf(queries);
    AtomicReference<String> sent = new AtomicReference<>();
    AtomicReference<String> path = new AtomicReference<>();
    try (RestClient rest =
        RestClient.builder(HttpHost.create(esUrl))
            .setHttpClientConfigCallback(
                b ->
                    b.addInterceptorLast(
                        (HttpRequestInterceptor)
                            (request, context) -> {
                              if (request instanceof HttpEntityEnclosingRequest r
                                  && r.getEntity() != null) {
                                path.set(request.getRequestLine().getUri());
                                sent.set(
                                    EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8));
                              }
                            }))
            .build()) {
      Searcher searcher = new Searcher(new Elastic(rest), alias);
      for (String q : queries) {
        sent.set(null);
        Searcher.Result result =
            searcher.search(
                new Searcher.Request(
                    q, true, false, Searcher.Filters.NONE, Searcher.Order.RELEVANCE, 0, SIZE));
        if (sent.get() == null || !path.get().endsWith("/_search")) {
          throw new IllegalStateException(
              "could not capture the search body of '" + q + "' (last call " + path + ")");
        }
        bodies.add(sent.get());
        totals.add(result.total());
      }
    }
  }

  /** How many reports query {@code i} matches. */
  long total(int i) {
    return totals.get(i);
  }

  /** Elasticsearch {@code POST /<alias>/_search} with the indexer's body for the query. */
  Target elasticsearch() {
    return new Target() {
      public String name() {
        return "Elasticsearch _search (baseline)";
      }

      public Timed run(int i) throws IOException, InterruptedException {
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(esUrl + "/" + alias + "/_search"))
                .timeout(ANSWER)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)))
                .build();
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        double millis = (System.nanoTime() - start) / 1e6;
        JsonNode body = require(response, i, "Elasticsearch");
        long total = body.path("hits").path("total").path("value").asLong(-1);
        if (total != totals.get(i)) {
          throw new IllegalStateException(
              "'"
                  + queries.get(i)
                  + "': Elasticsearch found "
                  + total
                  + ", before "
                  + totals.get(i));
        }
        return new Timed(millis, body.path("took").asLong(-1));
      }
    };
  }

  /**
   * The indexer's {@code GET /search}, with the parameters the console sends for its first page.
   */
  Target indexer(String baseUrl) {
    return new Target() {
      public String name() {
        return "indexer GET /search";
      }

      public Timed run(int i) throws IOException, InterruptedException {
        HttpRequest request =
            HttpRequest.newBuilder(
                    URI.create(
                        baseUrl
                            + "/search?q="
                            + encode(queries.get(i))
                            + "&from=0&size="
                            + SIZE
                            + "&exact=false&all=false&sort=relevance"))
                .timeout(ANSWER)
                .header("Authorization", "Bearer " + key)
                .header("Accept", "application/json")
                .GET()
                .build();
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        double millis = (System.nanoTime() - start) / 1e6;
        long total = require(response, i, "the indexer").path("total").asLong(-1);
        if (total != totals.get(i)) {
          throw new IllegalStateException(
              "'"
                  + queries.get(i)
                  + "': the indexer's /search found "
                  + total
                  + ", its body run directly "
                  + totals.get(i)
                  + ": are the indexer and the benchmark built from the"
                  + " same sources?");
        }
        return new Timed(millis, -1);
      }
    };
  }

  /** The console's landing page with the results of the query, signed in by its cookie. */
  Target console(String baseUrl) {
    return new Target() {
      public String name() {
        return "console GET /?q=";
      }

      public Timed run(int i) throws IOException, InterruptedException {
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(baseUrl + "/?q=" + encode(queries.get(i))))
                .timeout(ANSWER)
                .header("Cookie", "newswire_key=" + key)
                .header("Accept", "text/html")
                .GET()
                .build();
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200 || response.body().length == 0) {
          throw new IllegalStateException(
              "'"
                  + queries.get(i)
                  + "': the console answered HTTP "
                  + response.statusCode()
                  + response.headers().firstValue("Location").map(l -> " to " + l).orElse("")
                  + ": "
                  + snippet(response.body()));
        }
        return new Timed(millis, -1);
      }
    };
  }

  private JsonNode require(HttpResponse<byte[]> response, int i, String who) throws IOException {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "'"
              + queries.get(i)
              + "': "
              + who
              + " answered HTTP "
              + response.statusCode()
              + ": "
              + snippet(response.body()));
    }
    return Json.mapper().readTree(response.body());
  }

  private static String snippet(byte[] body) {
    String s = new String(body, StandardCharsets.UTF_8);
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
