package io.newswire.indexer;

/** What became of one article in a bulk request. */
public record BulkOutcome(Kind kind, String reason) {
  /** Indexed, rejected for good (to the DLQ), or worth another try. */
  public enum Kind {
    INDEXED,
    REJECTED,
    RETRY
  }

  static final BulkOutcome INDEXED = new BulkOutcome(Kind.INDEXED, null);

  /**
   * Classifies one bulk item by status. A 409 on an externally versioned write means the same or a
   * newer version is already there: that is success, and what makes replays idempotent.
   */
  static BulkOutcome of(int status, String reason) {
    if (status >= 200 && status < 300 || status == 409) {
      return INDEXED;
    }
    if (status == 429 || status >= 500) {
      return new BulkOutcome(Kind.RETRY, reason);
    }
    return new BulkOutcome(Kind.REJECTED, reason);
  }
}
