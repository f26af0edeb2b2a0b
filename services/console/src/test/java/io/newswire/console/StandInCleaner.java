package io.newswire.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The cleaner's {@code /dead-letters} contract (DeadLettersResource in services/cleaner) on a
 * loopback port, answering what the real cleaner answered in DeadLettersIT, captured in {@code
 * cleaner/}: {@link #ADMIN_KEY} may list and replay; {@link StandInIndexer#KEY}, a reader, may list
 * but is refused a replay (403 with the cleaner's message); any other key is unknown (401).
 */
public class StandInCleaner extends StandIn {
  public static final String ADMIN_KEY = "nwk_standin-admin-key";

  /** The body and Authorization header of the last {@code POST /dead-letters/replay}. */
  public static final AtomicReference<String> LAST_REPLAY = new AtomicReference<>("");

  public static final AtomicReference<String> LAST_AUTHORIZATION = new AtomicReference<>("");

  @Override
  protected String setting() {
    return "newswire.console.cleaner-url";
  }

  @Override
  protected void routes(HttpServer server) throws IOException {
    server.createContext("/dead-letters", this::deadLetters);
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
      answer(
          exchange, admin ? 200 : 403, fixture(admin ? "replayed.json" : "replay-forbidden.json"));
    } else {
      answer(exchange, 404, "{\"error\":\"no such resource\"}".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = StandInCleaner.class.getResourceAsStream("/cleaner/" + name)) {
      return in.readAllBytes();
    }
  }
}
