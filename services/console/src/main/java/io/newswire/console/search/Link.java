package io.newswire.console.search;

import java.net.URI;
import java.util.Locale;

/**
 * An address from an article, as a page shows it: a link only when it is one a reader can safely
 * follow.
 */
public record Link(String href, String text) {
  /**
   * {@code href} is null unless the scheme is http, https or file; {@code javascript:} and the like
   * stay text.
   */
  public static Link of(String url) {
    if (url == null || url.isBlank()) {
      return new Link(null, "");
    }
    try {
      String scheme = URI.create(url.trim()).getScheme();
      String lower = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
      boolean follow = lower.equals("http") || lower.equals("https") || lower.equals("file");
      return new Link(follow ? url.trim() : null, url);
    } catch (IllegalArgumentException e) {
      return new Link(null, url);
    }
  }
}
