package io.newswire.console.search;

import io.quarkus.qute.RawString;
import java.util.Map;

/**
 * A search hit's snippet as HTML. The indexer's snippets are Elasticsearch highlights with no HTML
 * encoder (they are plain text with {@code <em>} marks), so an article's own {@code <}, {@code >}
 * and {@code &} come through raw. Everything is escaped, then only the marks are let back in,
 * balanced: an unclosed {@code <em>} would otherwise run on into the rest of the page, since
 * browsers reopen it in later blocks.
 */
public final class Snippet {
  private static final String OPEN = "<em>";
  private static final String CLOSE = "</em>";

  /**
   * The entities the alerter writes, and those an escaper commonly does; any other {@code &} is
   * text.
   */
  private static final Map<String, Character> ENTITIES =
      Map.of("&amp;", '&', "&lt;", '<', "&gt;", '>', "&quot;", '"', "&#39;", '\'');

  private Snippet() {}

  public static RawString html(String snippet) {
    return marked(snippet, false);
  }

  /**
   * An alert's snippet as HTML. The alerter escapes an article's {@code &}, {@code <} and {@code >}
   * itself before it adds the marks (Snippets in services/alerter), so its entities are read as the
   * characters they stand for and escaped once here, not twice; an article's own {@code &lt;em&gt;}
   * stays text, and anything else is escaped as in {@link #html}.
   */
  public static RawString fromEscaped(String snippet) {
    return marked(snippet, true);
  }

  private static RawString marked(String snippet, boolean escaped) {
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
      } else if (escaped && snippet.charAt(i) == '&' && entity(snippet, i) != null) {
        String entity = entity(snippet, i);
        escape(ENTITIES.get(entity), out);
        i += entity.length();
      } else {
        escape(snippet.charAt(i++), out);
      }
    }
    if (open) {
      out.append(CLOSE);
    }
    return new RawString(out.toString());
  }

  private static String entity(String snippet, int at) {
    for (String entity : ENTITIES.keySet()) {
      if (snippet.startsWith(entity, at)) {
        return entity;
      }
    }
    return null;
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
