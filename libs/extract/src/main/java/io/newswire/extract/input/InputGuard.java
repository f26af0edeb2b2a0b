package io.newswire.extract.input;

import io.newswire.extract.ExtractionException;
import java.util.List;

/**
 * Rejects input that is not text and caps what is passed on, so that one pathological page costs
 * bounded time and memory.
 */
public final class InputGuard {

  /** Inputs longer than this are cut here, and the result carries a {@code truncated:} warning. */
  public static final int MAX_CHARS = 5_000_000;

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

  private InputGuard() {}

  /**
   * Returns the body to extract from, truncated to {@link #MAX_CHARS} (a warning is added to {@code
   * warnings}).
   *
   * @throws ExtractionException if the body is null, blank or looks binary
   */
  public static String check(String body, List<String> warnings) {
    if (body == null || body.isEmpty()) {
      throw new ExtractionException("empty input");
    }
    if (isBlank(body)) {
      throw new ExtractionException("input is whitespace only");
    }
    rejectBinary(body);
    if (body.length() > MAX_CHARS) {
      warnings.add("truncated: input over " + MAX_CHARS + " chars");
      int end = MAX_CHARS;
      // never leave half of a surrogate pair at the cut
      if (Character.isHighSurrogate(body.charAt(end - 1))) {
        end--;
      }
      return body.substring(0, end);
    }
    return body;
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

  private static void rejectBinary(String body) {
    int n = Math.min(body.length(), SAMPLE);
    int control = 0;
    int replacement = 0;
    for (int i = 0; i < n; i++) {
      char c = body.charAt(i);
      if (c == 0) {
        throw new ExtractionException("binary input: NUL byte at offset " + i);
      }
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        control++;
      } else if (c == '\ufffd') {
        replacement++;
      }
    }
    if (control > n * MAX_CONTROL_SHARE) {
      throw new ExtractionException(
          String.format("binary input: %d control characters in the first %d", control, n));
    }
    if (replacement > n * MAX_REPLACEMENT_SHARE) {
      throw new ExtractionException(
          String.format("binary input: %d undecodable characters in the first %d", replacement, n));
    }
  }
}
