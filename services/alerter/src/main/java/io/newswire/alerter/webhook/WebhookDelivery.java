package io.newswire.alerter.webhook;

import io.newswire.model.Alert;
import io.newswire.model.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * POSTs one alert to a rule's webhook as JSON (the {@link Alert} record, as on newswire.alerts),
 * retrying connection failures, {@code 429} and {@code 5xx} with exponential backoff and jitter.
 * Other statuses are final: the receiver said no.
 */
public final class WebhookDelivery {
  private final HttpClient http;
  private final int attempts;
  private final Duration backoff;

  public WebhookDelivery(int attempts, Duration backoff, Duration timeout) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.attempts = attempts;
    this.backoff = backoff;
  }

  /**
   * @throws WebhookException after the last attempt, with what the receiver answered
   */
  public void deliver(String webhook, Alert alert) throws InterruptedException {
    URI uri;
    try {
      uri = URI.create(webhook);
    } catch (IllegalArgumentException e) {
      throw new WebhookException("webhook URL '" + webhook + "' is invalid: " + e.getMessage());
    }
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("X-Newswire-Alert-Id", alert.alertId())
        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(alert)))
        .build();
    String last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status >= 200 && status < 300) {
          return;
        }
        last = "HTTP " + status;
        if (status != 429 && status < 500) {
          break;
        }
      } catch (IOException e) {
        last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      }
      if (attempt < attempts) {
        long base = backoff.toMillis() << (attempt - 1);
        Thread.sleep(ThreadLocalRandom.current().nextLong(base / 2, base + 1));
      }
    }
    throw new WebhookException("Failed to deliver alert to " + webhook + " after " + attempts
        + " attempt(s) or a final answer: " + last);
  }

  /** A delivery that did not succeed; the message is the reason. */
  public static final class WebhookException extends RuntimeException {
    public WebhookException(String message) {
      super(message);
    }
  }
}
