package io.newswire.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The indexer's {@code GET /search} contract (SearchResource in services/indexer) on a loopback
 * port, for page tests that need no Kafka or Elasticsearch: {@link #KEY} and the alerter's reader
 * key are the keys it takes (401 otherwise), a query with {@code ((} is invalid (400), any other
 * answers the captured Lavrov result; {@code GET /articles/{id}} knows one article ({@link
 * #ARTICLE}).
 */
public class StandInIndexer extends StandIn {
  public static final String KEY = "nwk_standin-reader-key";

  /** The id of the one article {@code /articles/} knows. */
  public static final String ARTICLE = "qk3Xz0Yd8o1nH4wT2cK9mVb7Rj5sLp6aE0uF1gIhJ2M";

  /** The raw query string of the last search, to check what page the console asked for. */
  public static final AtomicReference<String> LAST = new AtomicReference<>("");

  @Override
  protected String setting() {
    return "newswire.console.indexer-url";
  }

  @Override
  protected void routes(HttpServer server) throws IOException {
    server.createContext("/search", this::search);
    server.createContext("/articles/", this::article);
    server.createContext("/auth/whoami", this::whoami);
  }

  private void search(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    LAST.set(query);
    String q =
        URLDecoder.decode(query.replaceAll(".*(?:^|&)q=([^&]*).*", "$1"), StandardCharsets.UTF_8);
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (!("Bearer " + KEY).equals(auth) && !("Bearer " + StandInAlerter.READER_KEY).equals(auth)) {
      answer(exchange, 401, "{\"error\":\"unknown API key\"}".getBytes(StandardCharsets.UTF_8));
    } else if (q.contains("((")) {
      answer(
          exchange,
          400,
          ("{\"error\":\"Invalid query '" + q + "': Failed to parse query\"}")
              .getBytes(StandardCharsets.UTF_8));
    } else {
      try (InputStream in =
          StandInIndexer.class.getResourceAsStream("/indexer/search-lavrov.json")) {
        answer(exchange, 200, in.readAllBytes());
      }
    }
  }

  /**
   * {@link #KEY} is an admin's, {@link StandInAlerter#READER_KEY} a reader's; any other key is
   * unknown.
   */
  private void whoami(HttpExchange exchange) throws IOException {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    String body =
        ("Bearer " + KEY).equals(auth)
            ? "{\"name\":\"standin-admin\",\"role\":\"admin\"}"
            : ("Bearer " + StandInAlerter.READER_KEY).equals(auth)
                ? "{\"name\":\"standin\",\"role\":\"reader\"}"
                : null;
    answer(
        exchange,
        body == null ? 401 : 200,
        (body == null ? "{\"error\":\"unknown API key\"}" : body).getBytes(StandardCharsets.UTF_8));
  }

  /** The one article of {@code indexer/article.json} by its id; 404 for any other. */
  private void article(HttpExchange exchange) throws IOException {
    String id = exchange.getRequestURI().getPath().substring("/articles/".length());
    if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      answer(exchange, 401, "{\"error\":\"unknown API key\"}".getBytes(StandardCharsets.UTF_8));
    } else if (!id.equals(ARTICLE)) {
      answer(
          exchange,
          404,
          ("{\"error\":\"No article has the id '" + id + "'\"}").getBytes(StandardCharsets.UTF_8));
    } else {
      try (InputStream in = StandInIndexer.class.getResourceAsStream("/indexer/article.json")) {
        answer(exchange, 200, in.readAllBytes());
      }
    }
  }
}
