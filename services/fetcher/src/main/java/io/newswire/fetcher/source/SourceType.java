package io.newswire.fetcher.source;

import java.util.Locale;

/** What a configured source points at. */
public enum SourceType {
  /** A local folder watched recursively for new and changed .txt/.html/.htm files. */
  FOLDER,
  /** An RSS 0.9x/1.0/2.0, Atom or JSON Feed; each item's link is fetched as a page. */
  FEED,
  /** An XML sitemap, sitemap index or news sitemap, gzipped or not; each URL is fetched. */
  SITEMAP,
  /** A single page, emitted whenever its content changes. */
  PAGE,
  /** A site's home page: the feeds it advertises with {@code <link rel="alternate">} are polled. */
  SITE;

  public static SourceType parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "unknown source type '" + text + "' (expected folder, feed, sitemap, page or site)");
    }
  }
}
