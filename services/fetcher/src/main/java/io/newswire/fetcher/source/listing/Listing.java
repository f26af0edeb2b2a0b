package io.newswire.fetcher.source.listing;

import io.newswire.fetcher.content.ContentHash;
import io.newswire.fetcher.http.FetchException;
import io.newswire.fetcher.http.FetchRequest;
import io.newswire.fetcher.http.FetchResult;
import io.newswire.fetcher.robots.PoliteFetcher;
import io.newswire.fetcher.source.FeedItem;
import io.newswire.fetcher.source.ItemEmitter;
import java.net.URI;
import java.util.List;

/**
 * The part feeds and sitemaps share: a conditional GET of the listing (ETag, If-Modified-Since), a
 * content check because some servers send the same validators after a change, and the items emitted
 * once each. The listing counts as handled only when every item was, so an item that failed for a
 * passing reason is retried on the next poll even if the listing did not change.
 */
public abstract class Listing {
  protected final String source;
  protected final URI uri;
  protected final PoliteFetcher fetcher;
  protected final ItemEmitter emitter;
  private final int maxItems;
  private String etag;
  private String lastModified;
  private String handledHash;

  protected Listing(
      String source, URI uri, PoliteFetcher fetcher, ItemEmitter emitter, int maxItems) {
    this.source = source;
    this.uri = uri;
    this.fetcher = fetcher;
    this.emitter = emitter;
    this.maxItems = maxItems;
  }

  protected abstract List<String> acceptedTypes();

  /** The items of a fetched listing, newest first where the listing says. */
  protected abstract List<FeedItem> items(FetchResult listing)
      throws FetchException, InterruptedException;

  public int poll() throws FetchException, InterruptedException {
    boolean conditional = handledHash != null;
    FetchResult result =
        fetcher.fetch(
            new FetchRequest(
                uri,
                acceptedTypes(),
                conditional ? etag : null,
                conditional ? lastModified : null));
    if (result.notModified()) {
      return 0;
    }
    String hash = ContentHash.of(result.body());
    if (hash.equals(handledHash)) {
      return 0;
    }
    List<FeedItem> items = items(result);
    // a hostile or broken listing of millions of URLs costs no more than the cap
    int max = emitter.maxListedUrls();
    if (items.size() > max) {
      emitter
          .monitor()
          .failed(
              source,
              "capped",
              (items.size() - max)
                  + " of the "
                  + items.size()
                  + " URLs listed by "
                  + uri
                  + " skipped: at most "
                  + max
                  + " per poll (the newest; newswire.fetcher.max-listed-urls)");
      items = items.subList(0, max);
    }
    ItemEmitter.Batch batch = emitter.emitNew(source, items, maxItems);
    etag = result.etag();
    lastModified = result.lastModified();
    handledHash = batch.complete() ? hash : null;
    return batch.emitted();
  }
}
