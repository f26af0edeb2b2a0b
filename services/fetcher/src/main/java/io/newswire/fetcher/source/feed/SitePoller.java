package io.newswire.fetcher.source.feed;

import io.newswire.fetcher.content.Charsets;
import io.newswire.fetcher.http.FetchException;
import io.newswire.fetcher.http.FetchRequest;
import io.newswire.fetcher.http.FetchResult;
import io.newswire.fetcher.robots.PoliteFetcher;
import io.newswire.fetcher.source.ItemEmitter;
import io.newswire.fetcher.source.Poller;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Feed discovery: reads a site's home page for {@code <link rel="alternate">} feeds (RSS, Atom,
 * JSON Feed), then polls each of them. The page is read again once a day for new feeds.
 */
public final class SitePoller implements Poller {
  private static final Duration REDISCOVER = Duration.ofDays(1);
  private static final List<String> FEED_LINK_TYPES =
      List.of("application/rss+xml", "application/atom+xml", "application/feed+json", "application/json", "application/rdf+xml");

  private final String source;
  private final URI site;
  private final PoliteFetcher fetcher;
  private final ItemEmitter emitter;
  private final int maxItems;
  private final Map<String, FeedPoller> feeds = new LinkedHashMap<>();
  private long discoveredAtNanos;

  public SitePoller(String source, URI site, PoliteFetcher fetcher, ItemEmitter emitter, int maxItems) {
    this.source = source;
    this.site = site;
    this.fetcher = fetcher;
    this.emitter = emitter;
    this.maxItems = maxItems;
  }

  /** The feed URLs a page advertises, in page order. */
  public static List<String> discover(String html, URI base) {
    Document doc = Jsoup.parse(html, base.toString());
    List<String> found = new ArrayList<>();
    for (Element link : doc.select("link[rel~=(?i)alternate][href]")) {
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
    if (feeds.isEmpty() || System.nanoTime() - discoveredAtNanos > REDISCOVER.toNanos()) {
      FetchResult page = fetcher.fetch(FetchRequest.of(site, List.of("text/html", "application/xhtml+xml")));
      List<String> urls = discover(Charsets.decode(page.body(), page.charset()).text(), page.uri());
      if (urls.isEmpty()) {
        throw new FetchException(FetchException.Reason.PARSE, site + " advertises no feed (<link rel=\"alternate\" type=\"application/rss+xml\">)");
      }
      for (String url : urls) {
        feeds.computeIfAbsent(url, u -> new FeedPoller(source, URI.create(u), fetcher, emitter, maxItems));
      }
      discoveredAtNanos = System.nanoTime();
    }
    int emitted = 0;
    for (FeedPoller feed : feeds.values()) {
      try {
        emitted += feed.poll();
      } catch (FetchException e) {
        emitter.monitor().failed(source, e.reason().tag(), e.getMessage());
      }
    }
    return emitted;
  }
}
