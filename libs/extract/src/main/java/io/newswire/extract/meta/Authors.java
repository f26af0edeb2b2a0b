package io.newswire.extract.meta;

import com.google.re2j.Pattern;
import java.util.Locale;

/** Tidies author names found in bylines and metadata. */
public final class Authors {

  private static final int MAX_NAME_CHARS = 80;

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private Authors() {}

  /** Without leading punctuation and spaces, nor trailing punctuation other than "." and ")". */
  private static String trimPunctuation(String s) {
    int start = 0;
    int end = s.length();
    while (start < end
        && (isAsciiPunctuation(s.charAt(start)) || Character.isWhitespace(s.charAt(start)))) {
      start++;
    }
    while (end > start
        && isAsciiPunctuation(s.charAt(end - 1))
        && s.charAt(end - 1) != '.'
        && s.charAt(end - 1) != ')') {
      end--;
    }
    return s.substring(start, end).trim();
  }

  private static boolean isAsciiPunctuation(char c) {
    return c > ' ' && c < 127 && !Character.isLetterOrDigit(c);
  }

  /**
   * The name without "By", trailing role or stray punctuation; null if it does not look like a
   * name.
   */
  public static String clean(String raw) {
    if (raw == null) {
      return null;
    }
    String s = WHITESPACE.matcher(raw.replace('\u00a0', ' ').trim()).replaceAll(" ");
    if (s.regionMatches(true, 0, "by ", 0, 3)) {
      s = s.substring(3).trim();
    }
    s = trimPunctuation(s);
    String lower = s.toLowerCase(Locale.ROOT);
    if (s.isEmpty()
        || s.length() > MAX_NAME_CHARS
        || lower.startsWith("http")
        || lower.contains("@")
        || lower.contains("facebook.com")
        || !Character.isLetter(s.charAt(0))) {
      return null;
    }
    return s;
  }
}
