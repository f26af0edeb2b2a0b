package io.newswire.extract.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins paragraphs that a page break split in two: one that stops mid-sentence followed by one that
 * starts in lower case. Footnotes that the break put between the halves are moved after the joined
 * paragraph.
 */
final class PageBreaks {

  private PageBreaks() {}

  static List<String> join(List<String> paragraphs) {
    List<String> out = new ArrayList<>();
    List<String> footnotes = new ArrayList<>();
    for (String p : paragraphs) {
      if (!out.isEmpty() && isFootnote(p)) {
        footnotes.add(p);
        continue;
      }
      if (!out.isEmpty() && startsLower(p) && !endsSentence(out.get(out.size() - 1))) {
        out.set(out.size() - 1, out.get(out.size() - 1) + " " + p);
      } else {
        out.addAll(footnotes);
        footnotes.clear();
        out.add(p);
      }
    }
    out.addAll(footnotes);
    return out;
  }

  private static boolean isFootnote(String p) {
    char c = p.charAt(0);
    return c == '\u00b9' || c == '\u00b2' || c == '\u00b3' || (c >= '\u2070' && c <= '\u2079');
  }

  private static boolean startsLower(String p) {
    return Character.isLowerCase(p.charAt(0));
  }

  private static boolean endsSentence(String p) {
    char c = p.charAt(p.length() - 1);
    return ".!?:;\u201d\"\u3002)".indexOf(c) >= 0;
  }
}
