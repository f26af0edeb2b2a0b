package io.newswire.extract.text;

/** One non-empty line of a plain-text report, cleaned of markup residue. */
final class Line {
  /** Items of a list separated by vertical bars average at most this many words. */
  private static final int SEPARATED_ITEM_WORDS = 5;

  final String text;
  final int words;

  /** A blank line separated it from the previous line. */
  final boolean startsBlock;

  boolean furniture;
  boolean byline;

  /** Whether the line is only a date, once asked ({@link HeaderReader#isDateLine}). */
  Boolean dateLine;

  Line(String text, boolean startsBlock) {
    this.text = text;
    this.startsBlock = startsBlock;
    this.words = wordCount(text);
  }

  /**
   * Whitespace-separated words; for scripts written without spaces (Japanese, Chinese) every few
   * characters count as a word, so their paragraphs weigh like European ones.
   */
  private static int wordCount(String s) {
    int spaced = Furniture.words(s);
    int ideographic = 0;
    for (int i = 0; i < s.length(); i++) {
      Character.UnicodeScript sc = Character.UnicodeScript.of(s.charAt(i));
      if (sc == Character.UnicodeScript.HAN
          || sc == Character.UnicodeScript.HIRAGANA
          || sc == Character.UnicodeScript.KATAKANA
          || sc == Character.UnicodeScript.THAI) {
        ideographic++;
      }
    }
    return Math.max(spaced, spaced + ideographic / 2);
  }

  boolean endsSentence() {
    if (text.isEmpty()) {
      return false;
    }
    char c = text.charAt(text.length() - 1);
    return c == '.'
        || c == '!'
        || c == '?'
        || c == '"'
        || c == '\u201d'
        || c == ')'
        || c == ':'
        || c == '\u3002'
        || c == ';';
  }

  /**
   * Headline style: most longer words capitalised ("Relations Between Moscow and Minsk After ...").
   */
  boolean isTitleCase() {
    return isTitleCase(0.6);
  }

  /** Whether at least {@code share} of the longer words are capitalised. */
  boolean isTitleCase(double share) {
    int longWords = 0;
    int capitalised = 0;
    for (String w : text.split("\\s+")) {
      if (w.length() > 3) {
        longWords++;
        if (Character.isUpperCase(w.charAt(0))) {
          capitalised++;
        }
      }
    }
    return longWords > 0 && capitalised >= longWords * share;
  }

  /**
   * A row of links copied as one line, "Home | News | Sport" or "Ascom | Hospitals Ascom | Senior
   * care": two or more separators between short items, or a blog's previous and next posts. A
   * sentence uses a vertical bar rarely and never between every few words.
   */
  boolean isSeparatedList() {
    if (isPrevNext()) {
      return true;
    }
    int items = 1;
    for (int i = text.indexOf(" | "); i >= 0; i = text.indexOf(" | ", i + 3)) {
      items++;
    }
    return items >= 3 && words <= items * SEPARATED_ITEM_WORDS;
  }

  /**
   * A blog's links to the previous and next posts, "« Older post title | Main | Newer post title
   * »": items separated by a vertical bar behind or before a double angle quote.
   */
  boolean isPrevNext() {
    return (text.startsWith("\u00ab ") || text.endsWith(" \u00bb")) && text.contains(" | ");
  }

  /** Teasers are cut short: "... an angry mob stormed the temple of democracy...". */
  boolean endsTruncated() {
    return text.endsWith("...") || text.endsWith("\u2026");
  }
}
