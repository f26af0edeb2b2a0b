package io.newswire.fetcher.source.page;

import io.newswire.content.BodyDecoder;
import io.newswire.fetcher.content.ContentHash;
import io.newswire.fetcher.http.FetchException;
import io.newswire.fetcher.http.FetchRequest;
import io.newswire.fetcher.http.FetchResult;
import io.newswire.fetcher.robots.PoliteFetcher;
import io.newswire.fetcher.source.Documents.ItemMetadata;
import io.newswire.fetcher.source.FeedItem;
import io.newswire.fetcher.source.ItemEmitter;
import io.newswire.fetcher.source.ItemEmitter.Outcome;
import io.newswire.fetcher.source.Poller;
import io.newswire.model.DocumentIds;
import java.net.URI;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Polls one page with a conditional GET. A listing page ({@link ListingPage}: a section or topic
 * page made of links to reports) yields its article links, each fetched and emitted once, up to the
 * items-per-poll cap; any other page is emitted itself whenever its content changed.
 *
 * <p>As for feeds, a listing counts as handled only when every link was (none left over by the cap,
 * none failed for a passing reason): until then it is fetched without validators, so a 304 cannot
 * hide the links still to do.
 */
public final class PagePoller implements Poller {
  private static final Logger LOG = Logger.getLogger(PagePoller.class);

  /** The default of newswire.fetcher.max-items-per-poll, for callers that do not pass one. */
  private static final int DEFAULT_MAX_ITEMS = 200;

  private final String source;
  private final URI uri;
  private final String id;
  private final PoliteFetcher fetcher;
  private final ItemEmitter emitter;
  private final List<String> acceptedTypes;
  private final int maxItems;
  private String etag;
  private String lastModified;

  /** Content hash of the listing whose links were all handled, or null. */
  private String handledListing;

  /** True while a listing has links left, so the next GET must not be conditional. */
  private boolean listingPending;

  public PagePoller(
      String source,
      URI uri,
      PoliteFetcher fetcher,
      ItemEmitter emitter,
      List<String> acceptedTypes) {
    this(source, uri, fetcher, emitter, acceptedTypes, DEFAULT_MAX_ITEMS);
  }

  public PagePoller(
      String source,
      URI uri,
      PoliteFetcher fetcher,
      ItemEmitter emitter,
      List<String> acceptedTypes,
      int maxItems) {
    this.source = source;
    this.uri = uri;
    this.id = DocumentIds.forUrl(uri.toString());
    this.fetcher = fetcher;
    this.emitter = emitter;
    this.acceptedTypes = acceptedTypes;
    this.maxItems = maxItems;
  }

  /**
   * @throws FetchException if the page itself cannot be fetched (the source's poll failed)
   */
  @Override
  public int poll() throws FetchException, InterruptedException {
    boolean conditional = !listingPending;
    FetchResult page =
        fetcher.fetch(
            new FetchRequest(
                uri, acceptedTypes, conditional ? etag : null, conditional ? lastModified : null));
    etag = page.etag() != null ? page.etag() : etag;
    lastModified = page.lastModified() != null ? page.lastModified() : lastModified;
    if (page.notModified()) {
      return 0;
    }
    if (isHtml(page.mediaType())) {
      String hash = ContentHash.of(page.body());
      if (hash.equals(handledListing)) {
        return 0; // the same listing, every link already handled
      }
      ListingPage.Result listing =
          ListingPage.read(
              BodyDecoder.decodeLabelled(page.body(), page.charset()).text(), page.uri());
      LOG.debugf("source %s: %s is %s", source, page.uri(), listing.why());
      if (listing.listing()) {
        return emitLinks(listing.items(), hash);
      }
    }
    handledListing = null;
    listingPending = false;
    return emitter.emit(source, id, uri.toString(), page, ItemMetadata.NONE, true)
            == Outcome.EMITTED
        ? 1
        : 0;
  }

  private int emitLinks(List<FeedItem> items, String hash) throws InterruptedException {
    ItemEmitter.Batch batch = emitter.emitNew(source, items, maxItems);
    handledListing = batch.complete() ? hash : null;
    listingPending = !batch.complete();
    return batch.emitted();
  }

  private static boolean isHtml(String mediaType) {
    return mediaType == null
        || mediaType.equals("text/html")
        || mediaType.equals("application/xhtml+xml");
  }
}
