package io.newswire.extract.html;

import io.newswire.extract.text.Furniture;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Chooses, among the blocks inside the located content, those that are article text: drops link lists,
 * captions and bylines, stock furniture lines, and the headline itself (it is reported as the title).
 */
final class BlockFilter {

  /** A labelled element this small is a caption or byline; a bigger one is a wrapper with an odd class. */
  private static final int SMALL_ELEMENT_CHARS = 300;

  private BlockFilter() {}

  static List<String> paragraphs(PageScan scan, Set<Element> chosen, String title) {
    String titleKey = title == null ? null : key(title);
    List<String> out = new ArrayList<>();
    for (Block b : scan.blocks) {
      Element container = containerOf(b.owner, chosen);
      if (container == null) {
        continue;
      }
      if (b.linkDensity() > 0.5 || (b.chars < 200 && isMinor(b.owner, container, scan)) || Furniture.isFurniture(b.text)) {
        continue;
      }
      if (titleKey != null && Math.abs(b.text.length() - title.length()) < 20 && key(b.text).equals(titleKey)) {
        continue;
      }
      out.add(b.text);
    }
    return out;
  }

  /** The chosen element {@code el} lies in, or null. */
  private static Element containerOf(Element el, Set<Element> chosen) {
    for (Element e = el; e != null; e = e.parent()) {
      if (chosen.contains(e)) {
        return e;
      }
    }
    return null;
  }

  /**
   * Whether a caption/byline/tag-list hint sits between the block and its container. Hints above the
   * container say nothing: a body class like "has-sidebar" is about the layout.
   */
  private static boolean isMinor(Element el, Element container, PageScan scan) {
    for (Element e = el; e != container; e = e.parent()) {
      int[] st = scan.stats.get(e);
      if (st != null && st[0] < SMALL_ELEMENT_CHARS && ClassHints.has(ClassHints.of(e), ClassHints.ANY_NEGATIVE)) {
        return true;
      }
    }
    return false;
  }

  /** Comparison key: letters and digits only, lower case. */
  static String key(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
