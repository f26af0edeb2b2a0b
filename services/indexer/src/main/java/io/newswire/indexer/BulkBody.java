package io.newswire.indexer;

/**
 * The bulk request lines of a batch of articles (an action line and a source line each) in one
 * array, with where each article's lines begin, so that the batch goes out as several requests, or
 * one request in halves, without being written again.
 */
public final class BulkBody {
  private final byte[] bytes;

  /** Article {@code i} is {@code bytes[starts[i]]} up to {@code bytes[starts[i + 1]]}. */
  private final int[] starts;

  BulkBody(byte[] bytes, int[] starts) {
    this.bytes = bytes;
    this.starts = starts;
  }

  /** How many articles it holds. */
  public int size() {
    return starts.length - 1;
  }

  byte[] bytes() {
    return bytes;
  }

  /** Where the lines of article {@code from} begin. */
  int offset(int from) {
    return starts[from];
  }

  /** The length of the lines of articles {@code from} (inclusive) to {@code to} (exclusive). */
  int length(int from, int to) {
    return starts[to] - starts[from];
  }

  /**
   * The end (exclusive) of the longest run of articles from {@code from} whose lines fit in {@code
   * maxBytes}; one article larger than that is a run of its own.
   */
  int end(int from, long maxBytes) {
    int to = from + 1;
    while (to < size() && length(from, to + 1) <= maxBytes) {
      to++;
    }
    return to;
  }
}
