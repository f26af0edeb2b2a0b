package io.newswire.net;

/**
 * An outgoing connection the {@link AddressGuard} would not open, with a message naming what to
 * change.
 */
public final class AddressRefused extends Exception {
  /** Why. */
  public enum Kind {
    /** the URL has no host */
    BAD_URL,
    /** the host does not resolve */
    UNKNOWN_HOST,
    /** the host resolves to a non-public address that is not allow-listed */
    BLOCKED
  }

  private final Kind kind;

  public AddressRefused(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
