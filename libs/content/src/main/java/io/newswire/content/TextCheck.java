package io.newswire.content;

/**
 * Whether decoded input is text at all: not empty, not whitespace only, not binary. The fetcher
 * dead-letters what fails before it is published, and the cleaner's extractor refuses it with the
 * same reason, so the rule and its wording are here once.
 */
public final class TextCheck {

  /**
   * How much of the start is inspected for binary content; enough to catch any real file format.
   */
  private static final int SAMPLE = 16_384;

  /**
   * Control characters other than whitespace are rare in real text; a few come from sloppy CMS
   * exports, so a small share is tolerated.
   */
  private static final double MAX_CONTROL_SHARE = 0.02;

  /** U+FFFD in bulk means bytes that were not text were decoded as if they were. */
  private static final double MAX_REPLACEMENT_SHARE = 0.10;

  private TextCheck() {}

  /**
   * What is wrong with {@code text} as input, e.g. {@code "binary input: NUL byte at offset 12"},
   * or null if it is text. Reasons start with {@code empty}, {@code input is whitespace only} or
   * {@code binary}.
   */
  public static String problem(String text) {
    if (text == null || text.isEmpty()) {
      return "empty input";
    }
    if (isBlank(text)) {
      return "input is whitespace only";
    }
    int n = Math.min(text.length(), SAMPLE);
    int control = 0;
    int replacement = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return "binary input: NUL byte at offset " + i;
      }
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        control++;
      } else if (c == '\ufffd') {
        replacement++;
      }
    }
    if (control > n * MAX_CONTROL_SHARE) {
      return String.format("binary input: %d control characters in the first %d", control, n);
    }
    if (replacement > n * MAX_REPLACEMENT_SHARE) {
      return String.format(
          "binary input: %d undecodable characters in the first %d", replacement, n);
    }
    return null;
  }

  private static boolean isBlank(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c) && c != '\u00a0' && c != '\ufeff') {
        return false;
      }
    }
    return true;
  }
}
