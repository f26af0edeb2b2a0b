package io.newswire.alerter.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.newswire.model.Alert;
import io.newswire.model.Json;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {
  private static final Alert ALERT = new Alert(1, "alert-1", "rule-1", "NATO", "article-1", "Title",
      "https://example.org/a", List.of("nato"), "<em>NATO</em> said", Instant.EPOCH);

  private HttpServer server;
  private final AtomicInteger calls = new AtomicInteger();
  private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
  private volatile int failFirst;
  private volatile int failStatus;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hook", exchange -> {
      bodies.add(exchange.getRequestBody().readAllBytes());
      int status = calls.incrementAndGet() <= failFirst ? failStatus : 204;
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String hook() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  @Test
  void retriesServerErrorsAndDeliversTheAlertAsJson() throws Exception {
    failFirst = 2;
    failStatus = 503;
    new WebhookDelivery(4, Duration.ofMillis(10), Duration.ofSeconds(2)).deliver(hook(), ALERT);
    assertEquals(3, calls.get());
    assertEquals(ALERT, Json.read(bodies.get(2), Alert.class));
  }

  @Test
  void aClientErrorIsFinalAndSaysWhy() {
    failFirst = 10;
    failStatus = 404;
    var delivery = new WebhookDelivery(4, Duration.ofMillis(10), Duration.ofSeconds(2));
    var e = assertThrows(WebhookDelivery.WebhookException.class, () -> delivery.deliver(hook(), ALERT));
    assertEquals(1, calls.get());
    assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
  }

  @Test
  void givesUpAfterTheConfiguredAttempts() {
    failFirst = 10;
    failStatus = 500;
    var delivery = new WebhookDelivery(3, Duration.ofMillis(10), Duration.ofSeconds(2));
    var e = assertThrows(WebhookDelivery.WebhookException.class, () -> delivery.deliver(hook(), ALERT));
    assertEquals(3, calls.get());
    assertTrue(e.getMessage().contains("after 3 attempt(s)"), e.getMessage());
  }
}
