package io.newswire.extract.input;

import io.newswire.content.TextCheck;
import io.newswire.extract.ExtractionException;
import java.util.List;

/**
 * Rejects input that is not text (the one check, {@link TextCheck}, that the fetcher applies too)
 * and caps what is passed on, so that one pathological page costs bounded time and memory.
 */
public final class InputGuard {

  /** Inputs longer than this are cut here, and the result carries a {@code truncated:} warning. */
  public static final int MAX_CHARS = 5_000_000;

  private InputGuard() {}

  /**
   * Returns the body to extract from, truncated to {@link #MAX_CHARS} (a warning is added to {@code
   * warnings}).
   *
   * @throws ExtractionException if the body is null, blank or looks binary
   */
  public static String check(String body, List<String> warnings) {
    String problem = TextCheck.problem(body);
    if (problem != null) {
      throw new ExtractionException(problem);
    }
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
}
