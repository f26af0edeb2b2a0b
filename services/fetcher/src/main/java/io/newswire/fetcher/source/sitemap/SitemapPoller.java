package io.newswire.fetcher.source.sitemap;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import io.newswire.fetcher.http.BoundedBodies;
import io.newswire.fetcher.http.FetchException;
import io.newswire.fetcher.http.FetchRequest;
import io.newswire.fetcher.http.FetchResult;
import io.newswire.fetcher.robots.PoliteFetcher;
import io.newswire.fetcher.source.Documents.ItemMetadata;
import io.newswire.fetcher.source.FeedItem;
import io.newswire.fetcher.source.ItemEmitter;
import io.newswire.fetcher.source.Poller;
import io.newswire.fetcher.source.listing.Listing;
import io.newswire.fetcher.xml.SafeXml;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * Polls an XML sitemap, a sitemap index (its child sitemaps, one level, capped) or a news sitemap,
 * gzipped or not, with crawler-commons' parser; URLs are emitted newest {@code lastmod} first. A
 * sitemap source whose URL is a robots.txt polls the sitemaps named there ({@link #of}).
 */
public final class SitemapPoller extends Listing implements Poller {
  static final List<String> SITEMAP_TYPES =
      List.of(
          "application/xml",
          "text/xml",
          "text/plain",
          "application/gzip",
          "application/x-gzip",
          "application/octet-stream");

  /** Child sitemaps of an index read per poll; the biggest news sites list a few dozen. */
  static final int MAX_CHILD_SITEMAPS = 50;

  public SitemapPoller(
      String source, URI uri, PoliteFetcher fetcher, ItemEmitter emitter, int maxItems) {
    super(source, uri, fetcher, emitter, maxItems);
  }

  /**
   * The poller of a sitemap source: a robots.txt URL polls the sitemaps it names, else the sitemap
   * itself.
   */
  public static Poller of(
      String source, URI uri, PoliteFetcher fetcher, ItemEmitter emitter, int maxItems) {
    return RobotsSitemaps.isRobotsTxt(uri)
        ? new RobotsSitemaps(source, uri, fetcher, emitter, maxItems)
        : new SitemapPoller(source, uri, fetcher, emitter, maxItems);
  }

  @Override
  protected List<String> acceptedTypes() {
    return SITEMAP_TYPES;
  }

  @Override
  protected List<FeedItem> items(FetchResult listing) throws FetchException, InterruptedException {
    List<SiteMapURL> urls = new ArrayList<>();
    AbstractSiteMap map = parse(listing.uri(), listing.body());
    if (map.isIndex()) {
      int children = 0;
      List<AbstractSiteMap> sorted = new ArrayList<>(((SiteMapIndex) map).getSitemaps());
      sorted.sort(
          Comparator.comparing(
              AbstractSiteMap::getLastModified, Comparator.nullsLast(Comparator.reverseOrder())));
      for (AbstractSiteMap child : sorted) {
        if (children++ >= MAX_CHILD_SITEMAPS || urls.size() >= 2L * emitter.maxListedUrls()) {
          // enough to choose the newest from; Listing cuts the rest and says so
          break;
        }
        try {
          URI childUri = child.getUrl().toURI();
          FetchResult fetched = fetcher.fetch(FetchRequest.of(childUri, SITEMAP_TYPES));
          AbstractSiteMap parsed = parse(fetched.uri(), fetched.body());
          if (!parsed.isIndex()) {
            urls.addAll(((SiteMap) parsed).getSiteMapUrls());
          }
        } catch (FetchException e) {
          emitter.monitor().failed(source, e.reason().tag(), "child sitemap: " + e.getMessage());
        } catch (URISyntaxException e) {
          emitter.monitor().failed(source, "bad-url", "child sitemap " + child.getUrl());
        }
      }
    } else {
      urls.addAll(((SiteMap) map).getSiteMapUrls());
    }
    urls.sort(
        Comparator.comparing(
            SiteMapURL::getLastModified, Comparator.nullsLast(Comparator.reverseOrder())));
    List<FeedItem> items = new ArrayList<>(urls.size());
    for (SiteMapURL url : urls) {
      items.add(new FeedItem(url.getUrl().toString(), metadata(url)));
    }
    return items;
  }

  private AbstractSiteMap parse(URI where, byte[] raw) throws FetchException {
    byte[] xml = BoundedBodies.gunzipIfGzipped(raw, fetcher.http().maxBytes(), where.toString());
    boolean isXml = startsWithAngle(xml);
    if (isXml) {
      // refuse doctypes and entities with our own hardened parser before crawler-commons sees it
      SafeXml.parse(xml, where.toString());
    }
    SiteMapParser parser = new SiteMapParser(false);
    parser.setAllowDocTypeDefinitions(false);
    parser.enableExtension(Extension.NEWS);
    try {
      return parser.parseSiteMap(isXml ? "text/xml" : "text/plain", xml, where.toURL());
    } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
      throw new FetchException(
          FetchException.Reason.PARSE, "not a sitemap: " + where + ": " + e.getMessage(), e);
    }
  }

  private static ItemMetadata metadata(SiteMapURL url) {
    ExtensionMetadata[] news = url.getAttributesForExtension(Extension.NEWS);
    if (news != null) {
      for (ExtensionMetadata m : news) {
        if (m instanceof NewsAttributes n) {
          Date date = n.getPublicationDate();
          return new ItemMetadata(
              n.getTitle(), date == null ? null : date.toInstant().toString(), null);
        }
      }
    }
    Date modified = url.getLastModified();
    return new ItemMetadata(null, modified == null ? null : modified.toInstant().toString(), null);
  }

  private static boolean startsWithAngle(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0xEF || b == 0xBB || b == 0xBF || Character.isWhitespace(b)) {
        continue;
      }
      return b == '<';
    }
    return false;
  }
}
