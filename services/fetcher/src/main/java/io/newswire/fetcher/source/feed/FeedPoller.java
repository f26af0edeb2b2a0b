package io.newswire.fetcher.source.feed;

import io.newswire.fetcher.http.FetchException;
import io.newswire.fetcher.http.FetchResult;
import io.newswire.fetcher.robots.PoliteFetcher;
import io.newswire.fetcher.source.FeedItem;
import io.newswire.fetcher.source.ItemEmitter;
import io.newswire.fetcher.source.Poller;
import io.newswire.fetcher.source.listing.FeedParser;
import io.newswire.fetcher.source.listing.Listing;
import java.net.URI;
import java.util.List;

/**
 * Polls an RSS, Atom or JSON Feed; each item's link is fetched as a page with the item's metadata.
 */
public final class FeedPoller extends Listing implements Poller {
  static final List<String> FEED_TYPES =
      List.of(
          "application/rss+xml",
          "application/atom+xml",
          "application/rdf+xml",
          "application/xml",
          "text/xml",
          "application/x-rss+xml",
          "application/feed+json",
          "application/json",
          "text/plain");

  public FeedPoller(
      String source, URI uri, PoliteFetcher fetcher, ItemEmitter emitter, int maxItems) {
    super(source, uri, fetcher, emitter, maxItems);
  }

  @Override
  protected List<String> acceptedTypes() {
    return FEED_TYPES;
  }

  @Override
  protected List<FeedItem> items(FetchResult listing) throws FetchException {
    return FeedParser.parse(listing.body(), listing.mediaType(), listing.uri()).items();
  }
}
