package io.newswire.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The cleaner's {@code /dead-letters} contract (DeadLettersResource in services/cleaner) on a loopback port,
 * answering what the real cleaner answered in DeadLettersIT, captured in {@code cleaner/}: {@link #ADMIN_KEY}
 * may list and replay; {@link StandInIndexer#KEY}, a reader, may list but is refused a replay (403 with the
 * cleaner's message); any other key is unknown (401).
 */
public class StandInCleaner implements QuarkusTestResourceLifecycleManager {
  public static final String ADMIN_KEY = "nwk_standin-admin-key";
  /** The body and Authorization header of the last {@code POST /dead-letters/replay}. */
  public static final AtomicReference<String> LAST_REPLAY = new AtomicReference<>("");
  public static final AtomicReference<String> LAST_AUTHORIZATION = new AtomicReference<>("");

  private HttpServer server;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/dead-letters", this::deadLetters);
    server.start();
    return Map.of("newswire.console.cleaner-url", "http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void deadLetters(HttpExchange exchange) throws IOException {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    boolean admin = ("Bearer " + ADMIN_KEY).equals(auth);
    if (!admin && !("Bearer " + StandInIndexer.KEY).equals(auth)) {
      answer(exchange, 401, "{\"error\":\"unknown API key\"}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    String path = exchange.getRequestURI().getRawPath();
    if (exchange.getRequestMethod().equals("GET") && path.equals("/dead-letters")) {
      answer(exchange, 200, fixture("dead-letters.json"));
    } else if (exchange.getRequestMethod().equals("POST") && path.equals("/dead-letters/replay")) {
      LAST_REPLAY.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      LAST_AUTHORIZATION.set(auth);
      answer(exchange, admin ? 200 : 403, fixture(admin ? "replayed.json" : "replay-forbidden.json"));
    } else {
      answer(exchange, 404, "{\"error\":\"no such resource\"}".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = StandInCleaner.class.getResourceAsStream("/cleaner/" + name)) {
      return in.readAllBytes();
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
