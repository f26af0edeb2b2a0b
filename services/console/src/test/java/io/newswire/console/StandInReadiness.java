package io.newswire.console;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The four services' {@code /q/health/ready} as SmallRye Health writes it, on loopback ports: the
 * fetcher not ready (503), the cleaner and indexer ready with their lag and last minute, the
 * alerter not answering at all (a port nothing listens on).
 */
public class StandInReadiness implements QuarkusTestResourceLifecycleManager {
  private final List<HttpServer> servers = new ArrayList<>();

  @Override
  public Map<String, String> start() {
    Map<String, String> urls = new HashMap<>();
    urls.put(
        "newswire.console.fetcher-url",
        serve(
            503, "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"fetcher\",\"status\":\"DOWN\"}]}"));
    urls.put(
        "newswire.console.cleaner-url",
        serve(
            200,
            "{\"status\":\"UP\",\"checks\":[{\"name\":\"cleaner-pipe\","
                + "\"status\":\"UP\",\"data\":{\"processed\":340,\"deadLettered\":2,\"restarts\":1,\"lag\":42,\"perMinute\":7,"
                + "\"lastFailure\":\"java.lang.StackOverflowError on newswire.raw-0@17 (key <k>)\"}}]}"));
    urls.put(
        "newswire.console.indexer-url",
        serve(
            200,
            "{\"status\":\"UP\",\"checks\":[{\"name\":\"indexer-loop\","
                + "\"status\":\"UP\",\"data\":{\"indexed\":338,\"deadLettered\":0,\"restarts\":0,\"lag\":0,\"perMinute\":12}}]}"));
    try (ServerSocket closed = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      urls.put("newswire.console.alerter-url", "http://127.0.0.1:" + closed.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return urls;
  }

  private String serve(int status, String body) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/q/health/ready",
          exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
          });
      server.start();
      servers.add(server);
      return "http://127.0.0.1:" + server.getAddress().getPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void stop() {
    servers.forEach(s -> s.stop(0));
  }
}
