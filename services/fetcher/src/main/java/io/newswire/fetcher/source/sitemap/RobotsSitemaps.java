package io.newswire.fetcher.source.sitemap;

import crawlercommons.robots.BaseRobotRules;
import io.newswire.fetcher.http.FetchException;
import io.newswire.fetcher.robots.PoliteFetcher;
import io.newswire.fetcher.source.ItemEmitter;
import io.newswire.fetcher.source.Poller;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Polls the sitemaps a host names in its robots.txt ({@code Sitemap:} lines), each with a {@link
 * SitemapPoller} (so indexes and gzip work as for a sitemap source). robots.txt comes from the
 * robots cache, so a sitemap added there is picked up once the cached copy expires
 * (newswire.fetcher.robots-cache-ttl). A sitemap that fails is counted and the others go on.
 */
public final class RobotsSitemaps implements Poller {
  /** Sitemaps polled per host; robots.txt files naming hundreds (one per day) exist. */
  static final int MAX_SITEMAPS = 20;

  private final String source;
  private final URI uri;
  private final PoliteFetcher fetcher;
  private final ItemEmitter emitter;
  private final int maxItems;
  private final Map<String, SitemapPoller> sitemaps = new LinkedHashMap<>();

  /**
   * @param uri the robots.txt, or any URL of the host (robots.txt lives at the root only)
   */
  public RobotsSitemaps(
      String source, URI uri, PoliteFetcher fetcher, ItemEmitter emitter, int maxItems) {
    this.source = source;
    this.uri = uri;
    this.fetcher = fetcher;
    this.emitter = emitter;
    this.maxItems = maxItems;
  }

  /** True for a URL whose path ends in {@code /robots.txt}. */
  public static boolean isRobotsTxt(URI uri) {
    String path = uri.getPath();
    return path != null && path.toLowerCase(Locale.ROOT).endsWith("/robots.txt");
  }

  /**
   * The sitemap URLs in the robots.txt of {@code uri}'s host, in file order; empty if it names none
   * or there is no robots.txt.
   *
   * @throws FetchException {@code NETWORK} if robots.txt could not be read (server error,
   *     unreachable)
   */
  public static List<String> named(PoliteFetcher fetcher, URI uri)
      throws FetchException, InterruptedException {
    BaseRobotRules rules = fetcher.robotsFor(uri);
    if (rules.isDeferVisits()) {
      throw new FetchException(
          FetchException.Reason.NETWORK,
          "robots.txt of "
              + uri.getHost()
              + " is unavailable (server error or unreachable), so its Sitemap: lines are unknown; retried later");
    }
    // a set first: robots.txt may name thousands, and a list's contains() would make that quadratic
    return new ArrayList<>(new LinkedHashSet<>(rules.getSitemaps()));
  }

  @Override
  public int poll() throws FetchException, InterruptedException {
    List<String> urls = named(fetcher, uri);
    if (urls.isEmpty()) {
      throw new FetchException(
          FetchException.Reason.PARSE,
          "the robots.txt of "
              + uri.getHost()
              + " names no sitemap (no 'Sitemap:' line); give the sitemap's own URL instead");
    }
    if (urls.size() > MAX_SITEMAPS) {
      urls = urls.subList(0, MAX_SITEMAPS);
    }
    sitemaps.keySet().retainAll(urls);
    for (String url : urls) {
      if (!sitemaps.containsKey(url)) {
        try {
          sitemaps.put(url, new SitemapPoller(source, URI.create(url), fetcher, emitter, maxItems));
        } catch (IllegalArgumentException e) {
          emitter
              .monitor()
              .failed(
                  source,
                  FetchException.Reason.BAD_URL.tag(),
                  "robots.txt names a bad sitemap URL '" + url + "'");
        }
      }
    }
    int emitted = 0;
    for (Map.Entry<String, SitemapPoller> sitemap : sitemaps.entrySet()) {
      try {
        emitted += sitemap.getValue().poll();
      } catch (FetchException e) {
        emitter
            .monitor()
            .failed(
                source,
                e.reason().tag(),
                "sitemap " + sitemap.getKey() + " from robots.txt: " + e.getMessage());
      }
    }
    return emitted;
  }
}
