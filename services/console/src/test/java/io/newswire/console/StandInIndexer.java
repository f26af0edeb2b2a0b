package io.newswire.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The indexer's {@code GET /search} contract (SearchResource in services/indexer) on a loopback port, for page
 * tests that need no Kafka or Elasticsearch: {@link #KEY} is the only key it takes (401 otherwise), a query
 * with {@code ((} is invalid (400), any other answers the captured Lavrov result.
 */
public class StandInIndexer implements QuarkusTestResourceLifecycleManager {
  public static final String KEY = "nwk_standin-reader-key";
  /** The raw query string of the last search, to check what page the console asked for. */
  public static final AtomicReference<String> LAST = new AtomicReference<>("");

  private HttpServer server;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/search", this::search);
    server.start();
    return Map.of("newswire.console.indexer-url", "http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void search(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    LAST.set(query);
    String q = URLDecoder.decode(query.replaceAll(".*(?:^|&)q=([^&]*).*", "$1"), StandardCharsets.UTF_8);
    if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      answer(exchange, 401, "{\"error\":\"unknown API key\"}".getBytes(StandardCharsets.UTF_8));
    } else if (q.contains("((")) {
      answer(exchange, 400, ("{\"error\":\"Invalid query '" + q + "': Failed to parse query\"}")
          .getBytes(StandardCharsets.UTF_8));
    } else {
      try (InputStream in = StandInIndexer.class.getResourceAsStream("/indexer/search-lavrov.json")) {
        answer(exchange, 200, in.readAllBytes());
      }
    }
  }

  private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @Override
  public void stop() {
    server.stop(0);
  }
}
