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

  private BlockFilter() {}

  static List<String> paragraphs(List<Block> blocks, Set<Element> chosen, String title) {
    String titleKey = title == null ? null : key(title);
    List<String> out = new ArrayList<>();
    for (Block b : blocks) {
      if (!inside(b.owner, chosen)) {
        continue;
      }
      if (b.linkDensity() > 0.5 || (b.minor && b.chars < 200) || Furniture.isFurniture(b.text)) {
        continue;
      }
      if (titleKey != null && b.chars < 300 && key(b.text).equals(titleKey)) {
        continue;
      }
      out.add(b.text);
    }
    return out;
  }

  private static boolean inside(Element el, Set<Element> chosen) {
    for (Element e = el; e != null; e = e.parent()) {
      if (chosen.contains(e)) {
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
