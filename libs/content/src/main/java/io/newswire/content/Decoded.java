package io.newswire.content;

import java.util.List;

/**
 * Text decoded from bytes: the charset that was used, and what was doubtful about the choice (a
 * declaration the bytes did not fit, two that disagreed), for the cleaned article's warnings.
 */
public record Decoded(String text, String charset, List<String> warnings) {
  public Decoded {
    warnings = List.copyOf(warnings);
  }
}
