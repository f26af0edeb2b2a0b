package io.newswire.console.search;

import io.quarkus.qute.RawString;

/**
 * A search hit's snippet as HTML. The indexer's snippets are Elasticsearch highlights with no HTML encoder
 * (they are plain text with {@code <em>} marks), so an article's own {@code <}, {@code >} and {@code &} come
 * through raw. Everything is escaped, then only the marks are let back in, balanced: an unclosed
 * {@code <em>} would otherwise run on into the rest of the page, since browsers reopen it in later blocks.
 */
public final class Snippet {
  private static final String OPEN = "<em>";
  private static final String CLOSE = "</em>";

  private Snippet() {}

  public static RawString html(String snippet) {
    if (snippet == null) {
      return new RawString("");
    }
    StringBuilder out = new StringBuilder(snippet.length() + 32);
    boolean open = false;
    int i = 0;
    while (i < snippet.length()) {
      if (snippet.startsWith(OPEN, i)) {
        if (!open) {
          out.append(OPEN);
          open = true;
        }
        i += OPEN.length();
      } else if (snippet.startsWith(CLOSE, i)) {
        if (open) {
          out.append(CLOSE);
          open = false;
        }
        i += CLOSE.length();
      } else {
        escape(snippet.charAt(i++), out);
      }
    }
    if (open) {
      out.append(CLOSE);
    }
    return new RawString(out.toString());
  }

  private static void escape(char c, StringBuilder out) {
    switch (c) {
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      case '&' -> out.append("&amp;");
      case '"' -> out.append("&quot;");
      case '\'' -> out.append("&#39;");
      default -> out.append(c);
    }
  }
}
