package io.newswire.extract.meta;

import java.util.Locale;

/** Tidies author names found in bylines and metadata. */
public final class Authors {

  private static final int MAX_NAME_CHARS = 80;

  private Authors() {}

  /** The name without "By", trailing role or stray punctuation; null if it does not look like a name. */
  public static String clean(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.replace('\u00a0', ' ').trim().replaceAll("\\s+", " ");
    if (s.regionMatches(true, 0, "by ", 0, 3)) {
      s = s.substring(3).trim();
    }
    s = s.replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}&&[^.)]]+$", "").trim();
    String lower = s.toLowerCase(Locale.ROOT);
    if (s.isEmpty() || s.length() > MAX_NAME_CHARS || lower.startsWith("http") || lower.contains("@")
        || lower.contains("facebook.com") || !Character.isLetter(s.charAt(0))) {
      return null;
    }
    return s;
  }
}
