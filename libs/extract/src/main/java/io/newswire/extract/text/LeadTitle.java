package io.newswire.extract.text;

/**
 * A title for an article whose page, header and feed name none: its lead sentence, cut at a word
 * boundary when long, so that search hits, alerts and Kibana's lists show what the report is about
 * rather than nothing. The cleaner's last fallback, after the page's and the feed's titles.
 */
public final class LeadTitle {
  /** Longest title made, in characters, before the ellipsis. */
  public static final int MAX_CHARS = 120;

  private static final int MIN_SENTENCE_CHARS = 20;

  private LeadTitle() {}

  /**
   * @return the lead sentence of {@code text}, or null when the text has no words
   */
  public static String of(String text) {
    if (text == null) {
      return null;
    }
    String lead = firstLine(text);
    if (lead.isEmpty()) {
      return null;
    }
    int end = sentenceEnd(lead);
    String sentence = end > 0 ? lead.substring(0, end) : lead;
    if (sentence.length() <= MAX_CHARS) {
      return sentence;
    }
    int cut = sentence.lastIndexOf(' ', MAX_CHARS);
    return (cut > MAX_CHARS / 2 ? sentence.substring(0, cut) : sentence.substring(0, MAX_CHARS))
            .strip()
        + "…";
  }

  /** The first line with letters in it, without list bullets. */
  private static String firstLine(String text) {
    for (String line : text.split("\n")) {
      String stripped = line.strip().replaceFirst("^[•·*\\-–—]+\\s*", "");
      if (stripped.codePoints().anyMatch(Character::isLetter)) {
        return stripped;
      }
    }
    return "";
  }

  /** Index after the first sentence-ending punctuation followed by a space, past a short prefix. */
  private static int sentenceEnd(String line) {
    for (int i = MIN_SENTENCE_CHARS; i < line.length() - 1; i++) {
      char c = line.charAt(i);
      if ((c == '.' || c == '!' || c == '?') && line.charAt(i + 1) == ' ') {
        // "U.S. officials": a one-letter word before the dot is an initial, not a sentence end
        if (c == '.'
            && i >= 2
            && !Character.isLetter(line.charAt(i - 2))
            && Character.isLetter(line.charAt(i - 1))) {
          continue;
        }
        return c == '.' ? i : i + 1;
      }
    }
    return -1;
  }
}
