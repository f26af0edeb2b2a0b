package io.newswire.extract.html;

import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Finds where the page shows its own headline: the block whose text is the page's title (or the title
 * without the site name it often carries). A reader starts there, so the article is the text that follows
 * it nearby, which gives an independent candidate when the scored one looks improbable (boilerpipe uses the
 * same cue). A heading that matches wins over any other block; a match inside a list of links is a teaser
 * of the same story elsewhere on the page, not the headline.
 */
final class TitleAnchor {

  /** Shorter title keys (letters and digits) match too much by chance. */
  private static final int MIN_KEY = 15;
  /** A block matches when it is the title, or a part of it holding at least this share of its characters. */
  private static final double MIN_SHARE = 0.5;
  /** How far above the headline the article may start: a table cell or a wrapper of headline and body. */
  static final int REGION_LEVELS = 4;

  private TitleAnchor() {}

  /** The index in {@code blocks} of the page's headline, or -1. */
  static int find(List<Block> blocks, String title) {
    if (title == null) {
      return -1;
    }
    String titleKey = BlockFilter.key(title);
    if (titleKey.length() < MIN_KEY) {
      return -1;
    }
    int other = -1;
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      if (b.chars > titleKey.length() * 2 || b.isListItem() || inFurniture(b.owner)) {
        continue;
      }
      String k = BlockFilter.key(b.text);
      boolean matches = k.length() >= MIN_KEY
          && (k.equals(titleKey) || (titleKey.contains(k) && k.length() >= titleKey.length() * MIN_SHARE)
              || (k.startsWith(titleKey) && b.linkDensity() < 0.5));
      if (!matches) {
        continue;
      }
      if (b.isHeading()) {
        return i;
      }
      if (other < 0) {
        other = i;
      }
    }
    return other;
  }

  /**
   * A match inside a box labelled as furniture (a masthead, a sidebar widget) is the site's name or a teaser:
   * blogs often title every page with the blog's name, which their masthead repeats.
   */
  private static boolean inFurniture(Element el) {
    for (Element e = el; e != null && !e.normalName().equals("body"); e = e.parent()) {
      int hints = ClassHints.of(e);
      if (ClassHints.has(hints, ClassHints.CONTENT)) {
        return false;
      }
      if (ClassHints.has(hints, ClassHints.STRONG | ClassHints.FURNITURE)) {
        return true;
      }
    }
    return false;
  }

  /** The ancestor of the headline within which its article is looked for. */
  static Element region(Block headline) {
    Element region = headline.owner;
    for (int i = 0; i < REGION_LEVELS && region.parent() != null && !region.normalName().equals("body"); i++) {
      region = region.parent();
    }
    return region;
  }
}
