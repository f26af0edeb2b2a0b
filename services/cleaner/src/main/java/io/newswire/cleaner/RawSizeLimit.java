package io.newswire.cleaner;

import io.newswire.model.EventException;

/**
 * Refuses a raw value larger than the cleaner is configured to handle, before it is parsed: a 50 MB
 * page would otherwise cost several times its size in memory as JSON, then as a DOM, and could take
 * the cleaner down with it.
 */
final class RawSizeLimit {
  static final String SETTING = "newswire.cleaner.max-raw-bytes";

  private final int maxBytes;

  RawSizeLimit(int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException(SETTING + " must be at least 1, got " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /**
   * @throws TooLarge when {@code value} is over the limit; the message is the dead letter's reason
   */
  void check(byte[] value) {
    if (value != null && value.length > maxBytes) {
      throw new TooLarge(
          "raw value of "
              + value.length
              + " bytes is over the cleaner's limit of "
              + maxBytes
              + " bytes and was not parsed; raise "
              + SETTING
              + " to clean records this large");
    }
  }

  /** A raw value over the limit; its class name is the dead letter's exception header. */
  static final class TooLarge extends EventException {
    TooLarge(String message) {
      super(message);
    }
  }
}
