package io.newswire.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The document id rule: URL-safe base64 (no padding) of the SHA-256 of the canonical URL, so the
 * same report fetched twice, or through a tracking link, has one id.
 */
public final class DocumentIds {
  /** Query parameters that only say how a reader arrived, never which report it is. */
  private static final Set<String> TRACKING_PARAMETERS =
      Set.of(
          "fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "_ga",
          "_hsenc", "_hsmi", "mkt_tok", "ocid", "cmpid");

  private DocumentIds() {}

  /** The id of the document at {@code url}. */
  public static String forUrl(String url) {
    return hash(canonicalUrl(url));
  }

  /** The id of the alert of rule {@code ruleId} on article {@code articleId}. */
  public static String forAlert(String ruleId, String articleId) {
    return hash(ruleId + "\n" + articleId);
  }

  /**
   * Lower-cased scheme and host, default port and fragment removed, tracking parameters dropped,
   * query parameters sorted. Non-hierarchical URIs (such as {@code file:} URIs relative to a
   * watched root) only lose their fragment.
   *
   * @throws IllegalArgumentException if {@code url} is not a URI, naming the value seen
   */
  public static String canonicalUrl(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("URL is empty");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Not a valid URL: '" + url + "' (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.isOpaque() || uri.getHost() == null) {
      String withoutFragment = uri.getRawSchemeSpecificPart();
      return scheme == null ? withoutFragment : scheme + ":" + withoutFragment;
    }
    StringBuilder out = new StringBuilder(url.length());
    out.append(scheme).append("://");
    if (uri.getRawUserInfo() != null) {
      out.append(uri.getRawUserInfo()).append('@');
    }
    out.append(uri.getHost().toLowerCase(Locale.ROOT));
    int port = uri.getPort();
    if (port != -1
        && !(port == 80 && "http".equals(scheme))
        && !(port == 443 && "https".equals(scheme))) {
      out.append(':').append(port);
    }
    String path = uri.getRawPath();
    out.append(path == null || path.isEmpty() ? "/" : path);
    String query = canonicalQuery(uri.getRawQuery());
    if (!query.isEmpty()) {
      out.append('?').append(query);
    }
    return out.toString();
  }

  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (name.startsWith("utm_") || TRACKING_PARAMETERS.contains(name)) {
        continue;
      }
      kept.add(pair);
    }
    kept.sort(null);
    return String.join("&", kept);
  }

  /** URL-safe base64 without padding of the SHA-256 of {@code text}. */
  public static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
