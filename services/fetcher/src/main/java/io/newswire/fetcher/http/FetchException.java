package io.newswire.fetcher.http;

/** A fetch that failed, with a short reason tag for metrics and a message naming what to change. */
public final class FetchException extends Exception {

  /** Why a fetch failed; {@link #tag()} is the metric tag. */
  public enum Reason {
    BLOCKED_ADDRESS("blocked-address", true),
    TOO_LARGE("too-large", true),
    TIMEOUT("timeout", false),
    TOO_MANY_REDIRECTS("too-many-redirects", true),
    CONTENT_TYPE("content-type", true),
    HTTP_STATUS("http-status", false),
    NETWORK("network", false),
    ROBOTS("robots", true),
    BAD_URL("bad-url", true),
    ENCODING("encoding", true),
    PARSE("parse", false);

    private final String tag;
    private final boolean permanent;

    Reason(String tag, boolean permanent) {
      this.tag = tag;
      this.permanent = permanent;
    }

    public String tag() {
      return tag;
    }

    /** Whether trying the same URL again soon would fail the same way. */
    public boolean permanent() {
      return permanent;
    }
  }

  private final Reason reason;

  public FetchException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public FetchException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
