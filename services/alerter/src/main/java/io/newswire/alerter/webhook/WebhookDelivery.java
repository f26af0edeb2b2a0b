package io.newswire.alerter.webhook;

import io.newswire.model.Alert;
import io.newswire.model.Json;
import io.newswire.model.Rule;
import io.newswire.net.PinnedDns;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * POSTs one alert to a rule's webhook as JSON (the {@link Alert} record, as on newswire.alerts),
 * signed with the rule's secret ({@link WebhookSignature}), retrying connection failures, {@code
 * 429} and {@code 5xx} with exponential backoff and jitter. Other statuses are final: the receiver
 * said no. Redirects are not followed (a receiver that moved is a rule to update), and every
 * connection goes only to addresses the guard checked in the same look-up ({@link PinnedDns}), so a
 * webhook cannot be pointed at a private address by DNS either.
 */
public final class WebhookDelivery implements AutoCloseable {
  private final CloseableHttpClient http;
  private final WebhookTargets targets;
  private final int attempts;
  private final Duration backoff;

  public WebhookDelivery(WebhookTargets targets, int attempts, Duration backoff, Duration timeout) {
    this.targets = targets;
    this.attempts = attempts;
    this.backoff = backoff;
    Timeout connect = Timeout.ofMilliseconds(timeout.toMillis());
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(new PinnedDns(targets.guard()))
                    .setMaxConnPerRoute(4)
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectTimeout(connect)
                    .setResponseTimeout(Timeout.ofSeconds(10))
                    .setRedirectsEnabled(false)
                    .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .build();
  }

  /**
   * @throws WebhookException after the last attempt or a final answer, with the reason; the webhook
   *     appears in it redacted
   */
  public void deliver(Rule rule, Alert alert) throws InterruptedException {
    String shown = WebhookTargets.redact(rule.webhook());
    URI uri;
    try {
      // the address is checked where the connection is made (PinnedDns), in the one look-up it uses
      uri = WebhookTargets.parse(rule.webhook());
    } catch (IllegalArgumentException e) {
      throw new WebhookException(WebhookTargets.redactMessage(e.getMessage(), rule.webhook()));
    }
    byte[] body = Json.write(alert);
    String last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      HttpPost post = new HttpPost(uri);
      post.setHeader("X-Newswire-Alert-Id", alert.alertId());
      if (rule.webhookSecret() != null && !rule.webhookSecret().isBlank()) {
        long timestamp = System.currentTimeMillis() / 1000;
        post.setHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        post.setHeader(
            WebhookSignature.SIGNATURE_HEADER,
            WebhookSignature.sign(rule.webhookSecret(), timestamp, body));
      }
      post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
      try {
        int status =
            http.execute(
                post,
                response -> {
                  EntityUtils.consume(response.getEntity());
                  return response.getCode();
                });
        if (status >= 200 && status < 300) {
          return;
        }
        last =
            "HTTP "
                + status
                + (status >= 300 && status < 400
                    ? " (redirects are not followed: set the final URL)"
                    : "");
        if (status != 429 && status < 500) {
          break;
        }
      } catch (PinnedDns.Refused e) {
        last = WebhookTargets.redactMessage(e.refusal().getMessage(), rule.webhook());
        break;
      } catch (IOException e) {
        last =
            e.getClass().getSimpleName()
                + (e.getMessage() == null
                    ? ""
                    : ": " + WebhookTargets.redactMessage(e.getMessage(), rule.webhook()));
      }
      if (attempt < attempts) {
        long base = backoff.toMillis() << (attempt - 1);
        Thread.sleep(ThreadLocalRandom.current().nextLong(base / 2, base + 1));
      }
    }
    throw new WebhookException(
        "Failed to deliver alert to "
            + shown
            + " after "
            + attempts
            + " attempt(s) or a final answer: "
            + last);
  }

  @Override
  public void close() {
    try {
      http.close();
    } catch (IOException e) {
      // closing idle connections only
    }
  }

  /** A delivery that did not succeed; the message is the reason. */
  public static final class WebhookException extends RuntimeException {
    public WebhookException(String message) {
      super(message);
    }
  }
}
