package io.newswire.fetcher.source.feed;

import io.newswire.content.BodyDecoder;
import io.newswire.fetcher.http.FetchException;
import io.newswire.fetcher.http.FetchRequest;
import io.newswire.fetcher.http.FetchResult;
import io.newswire.fetcher.robots.PoliteFetcher;
import io.newswire.fetcher.source.ItemEmitter;
import io.newswire.fetcher.source.Poller;
import io.newswire.fetcher.source.sitemap.RobotsSitemaps;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Feed discovery: reads a site's home page for {@code <link rel="alternate">} feeds (RSS, Atom,
 * JSON Feed) and polls each of them; a site that advertises none is polled through the sitemaps its
 * robots.txt names ({@link RobotsSitemaps}). The page is read again once a day for changes. The
 * source fails only when the site has neither, saying so.
 */
public final class SitePoller implements Poller {
  private static final Logger LOG = Logger.getLogger(SitePoller.class);
  private static final Duration REDISCOVER = Duration.ofDays(1);

  /** Feeds polled per site, the first the page advertises; a page may hold thousands of links. */
  static final int MAX_FEEDS = 20;

  private static final List<String> FEED_LINK_TYPES =
      List.of(
          "application/rss+xml",
          "application/atom+xml",
          "application/feed+json",
          "application/json",
          "application/rdf+xml");

  private final String source;
  private final URI site;
  private final PoliteFetcher fetcher;
  private final ItemEmitter emitter;
  private final int maxItems;

  /** The feeds, or the robots.txt sitemaps, keyed by URL; replaced by each discovery. */
  private Map<String, Poller> pollers = new LinkedHashMap<>();

  private long discoveredAtNanos;

  public SitePoller(
      String source, URI site, PoliteFetcher fetcher, ItemEmitter emitter, int maxItems) {
    this.source = source;
    this.site = site;
    this.fetcher = fetcher;
    this.emitter = emitter;
    this.maxItems = maxItems;
  }

  /** The feed URLs a page advertises, in page order, at most {@link #MAX_FEEDS}. */
  public static List<String> discover(String html, URI base) {
    Document doc = Jsoup.parse(html, base.toString());
    List<String> found = new ArrayList<>();
    for (Element link : doc.select("link[rel~=(?i)alternate][href]")) {
      if (found.size() == MAX_FEEDS) {
        break;
      }
      String type = link.attr("type").toLowerCase(Locale.ROOT).strip();
      if (FEED_LINK_TYPES.contains(type)) {
        String href = link.absUrl("href");
        if (!href.isEmpty() && !found.contains(href)) {
          found.add(href);
        }
      }
    }
    return found;
  }

  @Override
  public int poll() throws FetchException, InterruptedException {
    if (pollers.isEmpty() || System.nanoTime() - discoveredAtNanos > REDISCOVER.toNanos()) {
      try {
        pollers = discover();
        discoveredAtNanos = System.nanoTime();
      } catch (FetchException e) {
        if (pollers.isEmpty()) {
          throw e;
        }
        // keep polling what was found before; try the page again next poll
        emitter
            .monitor()
            .failed(source, e.reason().tag(), "rediscovering feeds: " + e.getMessage());
      }
    }
    int emitted = 0;
    for (Map.Entry<String, Poller> poller : pollers.entrySet()) {
      try {
        emitted += poller.getValue().poll();
      } catch (FetchException e) {
        emitter.monitor().failed(source, e.reason().tag(), poller.getKey() + ": " + e.getMessage());
      }
    }
    return emitted;
  }

  /** The advertised feeds, else the robots.txt sitemaps; pollers already running are kept. */
  private Map<String, Poller> discover() throws FetchException, InterruptedException {
    List<String> feeds = List.of();
    String pageProblem = null;
    try {
      FetchResult page =
          fetcher.fetch(FetchRequest.of(site, List.of("text/html", "application/xhtml+xml")));
      feeds = discover(BodyDecoder.decodeLabelled(page.body(), page.charset()).text(), page.uri());
    } catch (FetchException e) {
      if (!e.reason().permanent()) {
        throw e;
      }
      pageProblem =
          e.getMessage(); // e.g. the home page is disallowed: robots.txt may still name sitemaps
    }
    Map<String, Poller> found = new LinkedHashMap<>();
    for (String url : feeds) {
      Poller running = pollers.get(url);
      found.put(
          url,
          running instanceof FeedPoller
              ? running
              : new FeedPoller(source, URI.create(url), fetcher, emitter, maxItems));
    }
    if (!found.isEmpty()) {
      return found;
    }
    List<String> sitemaps;
    try {
      sitemaps = RobotsSitemaps.named(fetcher, site);
    } catch (FetchException e) {
      throw new FetchException(e.reason(), site + " advertises no feed, and " + e.getMessage(), e);
    }
    if (sitemaps.isEmpty()) {
      throw new FetchException(
          FetchException.Reason.PARSE,
          site
              + (pageProblem == null
                  ? " advertises no feed (no <link rel=\"alternate\" type=\"application/rss+xml\"> or Atom/JSON Feed link)"
                  : " could not be read for feeds (" + pageProblem + ")")
              + " and its robots.txt names no sitemap (no 'Sitemap:' line): nothing to poll. Use a feed or sitemap source with"
              + " the URL, or a page source for a listing page");
    }
    LOG.infof(
        "source %s: %s advertises no feed; polling the %d sitemap(s) its robots.txt names",
        source, site, sitemaps.size());
    String key = "robots.txt sitemaps";
    Poller running = pollers.get(key);
    found.put(
        key,
        running != null ? running : new RobotsSitemaps(source, site, fetcher, emitter, maxItems));
    return found;
  }
}
