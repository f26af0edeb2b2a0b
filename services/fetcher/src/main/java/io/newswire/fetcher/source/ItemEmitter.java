package io.newswire.fetcher.source;

import io.newswire.content.BodyDecoder;
import io.newswire.content.Decoded;
import io.newswire.content.TextCheck;
import io.newswire.fetcher.content.ContentHash;
import io.newswire.fetcher.http.FetchException;
import io.newswire.fetcher.http.FetchRequest;
import io.newswire.fetcher.http.FetchResult;
import io.newswire.fetcher.robots.PoliteFetcher;
import io.newswire.fetcher.source.Documents.ItemMetadata;
import io.newswire.fetcher.state.SeenStore;
import io.newswire.model.DocumentIds;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fetches the page behind a feed or sitemap item and emits it once. A permanent failure (blocked
 * address, too large, wrong type, robots) goes to the DLQ and is remembered, so the page is not
 * fetched again on every poll; a transient one (timeout, network, 5xx) is retried next poll.
 */
public final class ItemEmitter {

  /** What happened to one item. */
  public enum Outcome {
    EMITTED,
    ALREADY_SEEN,
    UNCHANGED,
    REJECTED,
    RETRY_LATER
  }

  private final PoliteFetcher fetcher;
  private final List<String> acceptedTypes;
  private final DocumentSink sink;
  private final SeenStore seen;
  private final SourceMonitor monitor;
  private final int maxListedUrls;

  /**
   * @param maxListedUrls URLs taken from one poll of a listing ({@code
   *     newswire.fetcher.max-listed-urls})
   */
  public ItemEmitter(
      PoliteFetcher fetcher,
      List<String> acceptedTypes,
      DocumentSink sink,
      SourceMonitor monitor,
      int maxListedUrls) {
    if (maxListedUrls < 1) {
      throw new IllegalArgumentException(
          "newswire.fetcher.max-listed-urls must be at least 1, was " + maxListedUrls);
    }
    this.fetcher = fetcher;
    this.acceptedTypes = acceptedTypes;
    this.sink = sink;
    this.seen = sink.seen();
    this.monitor = monitor;
    this.maxListedUrls = maxListedUrls;
  }

  public SeenStore seen() {
    return seen;
  }

  public SourceMonitor monitor() {
    return monitor;
  }

  /** URLs a listing (feed, sitemap, sitemap index) may yield per poll; its rest are skipped. */
  public int maxListedUrls() {
    return maxListedUrls;
  }

  /**
   * What {@link #emitNew} did with a listing's items.
   *
   * @param complete every item was handled (none left over by the cap, none to retry)
   */
  public record Batch(int emitted, boolean complete) {}

  /**
   * Emits the new ones of a listing's items, at most {@code maxItems} new ones (items seen before
   * do not count), so that the rest wait for the next poll.
   */
  public Batch emitNew(String source, Iterable<FeedItem> items, int maxItems)
      throws InterruptedException {
    int emitted = 0;
    int attempted = 0;
    boolean complete = true;
    for (FeedItem item : items) {
      if (attempted >= maxItems) {
        complete = false;
        break;
      }
      Outcome outcome = emitIfNew(source, item);
      if (outcome != Outcome.ALREADY_SEEN) {
        attempted++;
      }
      if (outcome == Outcome.EMITTED) {
        emitted++;
      } else if (outcome == Outcome.RETRY_LATER) {
        complete = false;
      }
    }
    return new Batch(emitted, complete);
  }

  /** Emits the item's page unless an item with the same canonical URL was emitted before. */
  public Outcome emitIfNew(String source, FeedItem item) throws InterruptedException {
    String id;
    try {
      id = DocumentIds.forUrl(item.link());
    } catch (IllegalArgumentException e) {
      monitor.failed(source, FetchException.Reason.BAD_URL.tag(), e.getMessage());
      return Outcome.REJECTED;
    }
    if (seen.isSeen(id)) {
      return Outcome.ALREADY_SEEN;
    }
    try {
      FetchResult page = fetcher.fetch(FetchRequest.of(URI.create(item.link()), acceptedTypes));
      return emit(source, id, item.link(), page, item.metadata(), false);
    } catch (FetchException e) {
      return failed(source, id, item.link(), e);
    } catch (IllegalArgumentException e) {
      return failed(
          source,
          id,
          item.link(),
          new FetchException(FetchException.Reason.BAD_URL, "bad item link '" + item.link() + "'"));
    }
  }

  /**
   * Emits a fetched page if its content differs from what was last emitted under its id.
   *
   * @param recheck true for a page source, whose page is expected to change in place
   */
  public Outcome emit(
      String source,
      String id,
      String url,
      FetchResult page,
      ItemMetadata metadata,
      boolean recheck) {
    if (page.notModified()) {
      return Outcome.UNCHANGED;
    }
    String hash = ContentHash.of(page.body());
    if (recheck && seen.matches(id, hash)) {
      return Outcome.UNCHANGED;
    }
    Decoded text = BodyDecoder.decodeLabelled(page.body(), page.charset());
    String problem = TextCheck.problem(text.text());
    if (problem != null) {
      return reject(
          source,
          id,
          url,
          problem.startsWith("binary") ? "binary" : "empty",
          url + ": " + problem + " (labelled " + page.mediaType() + ")",
          null);
    }
    String contentType = page.mediaType() == null ? "text/html" : page.mediaType();
    sink.emit(
        Documents.raw(
            id,
            url,
            source,
            contentType,
            text.charset(),
            text.text(),
            page.etag(),
            page.lastModified(),
            metadata),
        hash);
    monitor.emitted(source);
    return Outcome.EMITTED;
  }

  /** Counts and logs a failed fetch; a permanent one is dead-lettered and remembered. */
  public Outcome failed(String source, String id, String url, FetchException e) {
    if (!e.reason().permanent()) {
      monitor.failed(source, e.reason().tag(), e.getMessage());
      return Outcome.RETRY_LATER;
    }
    return reject(source, id, url, e.reason().tag(), e.getMessage(), e);
  }

  private Outcome reject(
      String source, String id, String url, String tag, String message, Throwable error) {
    monitor.failed(source, tag, message);
    sink.reject(id, url.getBytes(StandardCharsets.UTF_8), message, error, "rejected:" + tag);
    return Outcome.REJECTED;
  }
}
