package io.newswire.alerter.webhook;

import io.newswire.net.AddressGuard;
import io.newswire.net.AddressRefused;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What a webhook may be: an http or https URL whose host resolves to public addresses only (unless
 * allow-listed in {@code newswire.alerter.webhook-allow-private}), checked with the same {@link
 * AddressGuard} the fetcher uses, when a rule is created and again on every delivery. And how a
 * webhook is shown: {@link #redact} keeps the scheme and host, since the path and query of a
 * webhook URL often carry a token.
 */
public final class WebhookTargets {
  private final AddressGuard guard;

  public WebhookTargets(AddressGuard guard) {
    this.guard = guard;
  }

  public AddressGuard guard() {
    return guard;
  }

  /**
   * The webhook as a URI, when alerts may be sent to it.
   *
   * @throws IllegalArgumentException saying what is wrong and what to change
   */
  public URI check(String webhook) {
    URI uri = parse(webhook);
    try {
      guard.check(uri);
    } catch (AddressRefused e) {
      throw new IllegalArgumentException(
          "webhook " + redact(webhook) + " refused: " + redactMessage(e.getMessage(), webhook));
    }
    return uri;
  }

  /** The URI when it is an absolute http(s) URL with a host; no network look-up. */
  static URI parse(String webhook) {
    URI uri;
    try {
      uri = new URI(webhook.strip());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException(
          "webhook is not a URL: " + (e.getMessage() == null ? "missing" : e.getMessage()));
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "a webhook must be an http or https URL, not '" + scheme + ":'");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new IllegalArgumentException("webhook " + redact(webhook) + " has no host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "a webhook URL must not carry a user name or password; its receiver can"
              + " check the X-Newswire-Signature header instead");
    }
    return uri;
  }

  /**
   * {@code https://hooks.example.org/…}: enough to recognise a receiver, nothing of its secret
   * path.
   */
  public static String redact(String webhook) {
    if (webhook == null || webhook.isBlank()) {
      return webhook;
    }
    try {
      URI uri = new URI(webhook.strip());
      if (uri.getScheme() != null && uri.getHost() != null) {
        return uri.getScheme()
            + "://"
            + uri.getHost()
            + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
            + "/…";
      }
    } catch (URISyntaxException e) {
      // shown as a placeholder below
    }
    return "(invalid URL)";
  }

  /** A message with the webhook's full form replaced by its redacted one. */
  static String redactMessage(String message, String webhook) {
    if (message == null || webhook == null || webhook.isBlank()) {
      return message;
    }
    return message.replace(webhook.strip(), redact(webhook));
  }
}
