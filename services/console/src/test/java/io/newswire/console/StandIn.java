package io.newswire.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A service's HTTP contract on a loopback port, for the page tests: each stand-in says which
 * setting points the console at it and answers its paths; this starts and stops the server and
 * writes the JSON answers.
 */
abstract class StandIn implements QuarkusTestResourceLifecycleManager {
  private HttpServer server;

  /**
   * The console's setting for this service's address, e.g. {@code newswire.console.indexer-url}.
   */
  protected abstract String setting();

  /** Adds the service's paths to {@code server}; state a test reads is reset here too. */
  protected abstract void routes(HttpServer server) throws IOException;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      routes(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.start();
    return Map.of(setting(), "http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void stop() {
    server.stop(0);
  }

  static void answer(HttpExchange exchange, int status, String body) throws IOException {
    answer(exchange, status, body.getBytes(StandardCharsets.UTF_8));
  }

  static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
