package io.newswire.console.sources;

import java.time.Instant;

/**
 * The fetcher's {@code SourceView} (SourcesResource in services/fetcher): a source of the
 * deployment, where it came from ({@code origin}: the sources file or the API) and its {@code
 * shard}. The counters and times are those of the fetcher instance that answered, so they are zero
 * and null when another instance polls it ({@code polledHere} false).
 */
public record Source(
    String name,
    String type,
    String path,
    String url,
    String interval,
    String origin,
    String shard,
    boolean polledHere,
    long itemsEmitted,
    long errors,
    Instant lastSuccess,
    Instant lastError,
    String lastErrorReason) {

  /**
   * Its last poll failed, or it never got through. An item the poll could not fetch is counted as
   * an error too, but the poll then succeeds after it, so a source that skips one bad page is not
   * flagged.
   */
  public boolean failing() {
    return lastError != null && (lastSuccess == null || lastError.isAfter(lastSuccess));
  }
}
