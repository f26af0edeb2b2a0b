package io.newswire.extract.text;

import com.google.re2j.Pattern;

/**
 * Removes what a copy from a PDF or a markdown conversion leaves in the text: link syntax {@code
 * [text](url)} → {@code text}, emphasis markers, backslash escapes.
 */
final class MarkupResidue {

  private static final Pattern LINK = Pattern.compile("\\[([^\\]\\[]{1,300})]\\([^)\\s]{0,500}\\)");
  private static final Pattern UNDERSCORE_EMPHASIS = Pattern.compile("__([^_]+)__");
  private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!$])");

  private MarkupResidue() {}

  static String clean(String line) {
    String s = line;
    // the patterns are only tried when their trigger character occurs: most lines have none
    if (s.indexOf('[') >= 0) {
      s = LINK.matcher(s).replaceAll("$1");
    }
    // bold markers may open on one line and close on the next, so each one goes on its own
    s = s.replace("**", "");
    if (s.indexOf("__") >= 0) {
      s = UNDERSCORE_EMPHASIS.matcher(s).replaceAll("$1");
    }
    if (s.indexOf('\\') >= 0) {
      s = ESCAPE.matcher(s).replaceAll("$1");
    }
    return s.replace('\u00a0', ' ').strip();
  }
}
