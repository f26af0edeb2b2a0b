package io.newswire.alerter.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery, as GitHub and Stripe sign theirs: HMAC-SHA256 with the
 * rule's secret over {@code TIMESTAMP.BODY}, sent as {@code X-Newswire-Signature: sha256=HEX}
 * beside {@code X-Newswire-Timestamp: TIMESTAMP} (Unix seconds). A receiver recomputes it over the
 * raw body, compares in constant time, and rejects old timestamps, so a captured delivery cannot be
 * replayed later.
 */
public final class WebhookSignature {
  public static final String SIGNATURE_HEADER = "X-Newswire-Signature";
  public static final String TIMESTAMP_HEADER = "X-Newswire-Timestamp";
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSignature() {}

  /** A new secret for a rule's webhook: 256 random bits, prefixed {@code whsec_}. */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * {@code sha256=} and the hex HMAC-SHA256 of {@code timestamp + "." + body} under {@code secret}.
   */
  public static String sign(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HmacSHA256", e);
    }
  }
}
