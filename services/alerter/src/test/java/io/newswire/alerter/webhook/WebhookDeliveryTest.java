package io.newswire.alerter.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.newswire.model.Alert;
import io.newswire.model.Json;
import io.newswire.model.Rule;
import io.newswire.net.AddressGuard;
import io.newswire.net.PrivateAddressPolicy;
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
  private static final Alert ALERT =
      new Alert(
          1,
          "alert-1",
          "rule-1",
          "NATO",
          "article-1",
          "Title",
          "https://example.org/a",
          List.of("nato"),
          "<em>NATO</em> said",
          Instant.EPOCH,
          "test",
          null,
          null);

  private HttpServer server;
  private final AtomicInteger calls = new AtomicInteger();
  private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
  private final List<com.sun.net.httpserver.Headers> headers = new CopyOnWriteArrayList<>();

  /** The test's receiver is on loopback, which only this allow-list lets a webhook reach. */
  private static final WebhookTargets LOOPBACK_ALLOWED =
      new WebhookTargets(
          new AddressGuard(
              PrivateAddressPolicy.REFUSE,
              List.of("127.0.0.0/8"),
              "newswire.alerter.webhook-allow-private"));

  private static final WebhookTargets STRICT =
      new WebhookTargets(
          new AddressGuard(
              PrivateAddressPolicy.REFUSE, List.of(), "newswire.alerter.webhook-allow-private"));
  private volatile String redirectTo;
  private volatile int failFirst;
  private volatile int failStatus;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          bodies.add(exchange.getRequestBody().readAllBytes());
          headers.add(exchange.getRequestHeaders());
          if (redirectTo != null) {
            calls.incrementAndGet();
            exchange.getResponseHeaders().add("Location", redirectTo);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
            return;
          }
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

  private Rule rule(String webhook, String secret) {
    return new Rule(1, "rule-1", "NATO", "NATO", webhook, secret, Instant.EPOCH, false);
  }

  private Rule rule() {
    return rule(hook(), null);
  }

  @Test
  void retriesServerErrorsAndDeliversTheAlertAsJson() throws Exception {
    failFirst = 2;
    failStatus = 503;
    new WebhookDelivery(LOOPBACK_ALLOWED, 4, Duration.ofMillis(10), Duration.ofSeconds(2))
        .deliver(rule(), ALERT);
    assertEquals(3, calls.get());
    assertEquals(ALERT, Json.read(bodies.get(2), Alert.class));
  }

  @Test
  void aClientErrorIsFinalAndSaysWhy() {
    failFirst = 10;
    failStatus = 404;
    var delivery =
        new WebhookDelivery(LOOPBACK_ALLOWED, 4, Duration.ofMillis(10), Duration.ofSeconds(2));
    var e =
        assertThrows(WebhookDelivery.WebhookException.class, () -> delivery.deliver(rule(), ALERT));
    assertEquals(1, calls.get());
    assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
  }

  @Test
  void givesUpAfterTheConfiguredAttempts() {
    failFirst = 10;
    failStatus = 500;
    var delivery =
        new WebhookDelivery(LOOPBACK_ALLOWED, 3, Duration.ofMillis(10), Duration.ofSeconds(2));
    var e =
        assertThrows(WebhookDelivery.WebhookException.class, () -> delivery.deliver(rule(), ALERT));
    assertEquals(3, calls.get());
    assertTrue(e.getMessage().contains("after 3 attempt(s)"), e.getMessage());
  }

  @Test
  void aSignedDeliveryCarriesTheHmacOfTimestampAndBody() throws Exception {
    String secret = WebhookSignature.newSecret();
    new WebhookDelivery(LOOPBACK_ALLOWED, 1, Duration.ofMillis(10), Duration.ofSeconds(2))
        .deliver(rule(hook(), secret), ALERT);
    String timestamp = headers.get(0).getFirst(WebhookSignature.TIMESTAMP_HEADER);
    String signature = headers.get(0).getFirst(WebhookSignature.SIGNATURE_HEADER);
    assertTrue(
        Math.abs(Long.parseLong(timestamp) - System.currentTimeMillis() / 1000) < 60, timestamp);
    // recomputed the way a receiver would, from the raw body
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(
            secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((timestamp + ".").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(
        "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(bodies.get(0))), signature);
    assertTrue(
        WebhookSignature.sign("another secret", Long.parseLong(timestamp), bodies.get(0)).length()
                == signature.length()
            && !WebhookSignature.sign("another secret", Long.parseLong(timestamp), bodies.get(0))
                .equals(signature));
  }

  /** Issue 12: webhooks go through the fetcher's address guard. */
  @Test
  void loopbackMetadataAndOtherSchemesAreRefusedWithoutAConnection() {
    var delivery = new WebhookDelivery(STRICT, 4, Duration.ofMillis(10), Duration.ofSeconds(2));
    var loopback =
        assertThrows(WebhookDelivery.WebhookException.class, () -> delivery.deliver(rule(), ALERT));
    assertTrue(
        loopback.getMessage().contains("newswire.alerter.webhook-allow-private"),
        loopback.getMessage());
    assertThrows(
        WebhookDelivery.WebhookException.class,
        () -> delivery.deliver(rule("http://169.254.169.254/latest/meta-data/", null), ALERT));
    var ftp =
        assertThrows(
            WebhookDelivery.WebhookException.class,
            () -> delivery.deliver(rule("ftp://x", null), ALERT));
    assertTrue(ftp.getMessage().contains("http or https"), ftp.getMessage());
    assertEquals(0, calls.get());
  }

  @Test
  void aRedirectIsNotFollowedSoItCannotLeadToAPrivateAddress() {
    redirectTo = "http://169.254.169.254/latest/meta-data/";
    var delivery =
        new WebhookDelivery(LOOPBACK_ALLOWED, 4, Duration.ofMillis(10), Duration.ofSeconds(2));
    var e =
        assertThrows(WebhookDelivery.WebhookException.class, () -> delivery.deliver(rule(), ALERT));
    assertEquals(1, calls.get());
    assertTrue(
        e.getMessage().contains("HTTP 302") && e.getMessage().contains("not followed"),
        e.getMessage());
  }

  @Test
  void theWebhookIsRedactedInEveryMessage() {
    failFirst = 10;
    failStatus = 404;
    var delivery =
        new WebhookDelivery(LOOPBACK_ALLOWED, 1, Duration.ofMillis(10), Duration.ofSeconds(2));
    String secretPath = hook() + "?token=s3cr3t";
    var e =
        assertThrows(
            WebhookDelivery.WebhookException.class,
            () -> delivery.deliver(rule(secretPath, null), ALERT));
    assertTrue(
        !e.getMessage().contains("s3cr3t") && e.getMessage().contains("127.0.0.1"), e.getMessage());
  }
}
