package io.newswire.extract.html;

import io.newswire.extract.site.SitePage;
import io.newswire.extract.text.Furniture;
import io.newswire.extract.text.TailLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Chooses, among the blocks inside the located content, those that are article text: drops link lists,
 * captions and bylines, date lines, stock furniture lines, repeated blocks (a caption rendered twice for two
 * layouts), the headline itself (it is reported as the title), and contact or promotion lines trailing the
 * article.
 */
final class BlockFilter {

  /** A labelled element this small is a caption or byline; a bigger one is a wrapper with an odd class. */
  private static final int SMALL_ELEMENT_CHARS = 300;

  /** A list whose items average fewer characters than this and are mostly links is a list of headlines. */
  private static final int LINK_LIST_ITEM_CHARS = 100;
  private static final double LINK_LIST_DENSITY = 0.3;
  /** A furniture-labelled box holding less than this share of the article's text is an inset, not a wrapper. */
  private static final double INSET_SHARE = 0.3;

  /** A WordPress shortcode the theme failed to render: "[button link=…]Send us your review[/button]". */
  private static final java.util.regex.Pattern SHORTCODE =
      java.util.regex.Pattern.compile("\\[(\\w+)[^\\]]*\\].*\\[/\\1\\]", java.util.regex.Pattern.DOTALL);

  private BlockFilter() {}

  static List<String> paragraphs(PageScan scan, Set<Element> chosen, String title) {
    return paragraphs(scan, chosen, title, SitePage.NONE);
  }

  /**
   * @param site what the page's site repeats on its other pages: such blocks are dropped too, unless that
   *     would leave nothing (a site whose pages really share their text)
   */
  static List<String> paragraphs(PageScan scan, Set<Element> chosen, String title, SitePage site) {
    String titleKey = title == null ? null : key(title);
    List<Block> kept = new ArrayList<>();
    List<Block> siteRepeats = new ArrayList<>();
    String previousText = "";
    for (Block b : scan.blocks) {
      site.see(b.text);
      Element container = containerOf(b.owner, chosen);
      if (container == null) {
        continue;
      }
      if (b.linkDensity() > 0.5 || (b.chars < SMALL_ELEMENT_CHARS && isMinor(b.owner, container, scan))
          || Furniture.isFurniture(b.text) || Furniture.isCaption(b.text) || SHORTCODE.matcher(b.text).matches()
          || DateLines.isDateLine(b.text) || inLinkList(b, container, scan)
          || inTeaserArticle(b.owner, container)) {
        continue;
      }
      if (b.isHeading() && isHeadline(b, titleKey, kept)) {
        continue;
      }
      // the same caption or teaser rendered twice in a row, once per layout; repeats further apart are content
      if (b.chars >= 20 && b.text.equals(previousText)) {
        continue;
      }
      previousText = b.text;
      if (site.isFurniture(b.text)) {
        siteRepeats.add(b);
        continue;
      }
      kept.add(b);
    }
    if (kept.isEmpty()) {
      kept = siteRepeats;
    }
    trimTail(kept);
    List<String> out = new ArrayList<>(kept.size());
    for (Block b : kept) {
      out.add(b.text);
    }
    return out;
  }

  /**
   * The headline repeated in the body: it matches the page title (which often carries a " | Site" suffix),
   * or it is an {@code <h1>} standing before any text of the article.
   */
  private static boolean isHeadline(Block b, String titleKey, List<Block> keptSoFar) {
    if (b.owner.normalName().equals("h1") && keptSoFar.stream().noneMatch(k -> k.chars >= 100)) {
      return true;
    }
    if (titleKey == null || titleKey.isEmpty()) {
      return false;
    }
    String k = key(b.text);
    return k.equals(titleKey) || (k.length() >= 20 && (titleKey.startsWith(k) || k.startsWith(titleKey)));
  }

  /**
   * Drops the short lines after the article's last paragraph that address the reader instead of telling the
   * story: how to reach the author, where to follow the site, who contributed, what to sign up for.
   */
  private static void trimTail(List<Block> kept) {
    while (kept.size() > 1) {
      Block last = kept.get(kept.size() - 1);
      boolean shortOrBio = last.chars < SMALL_ELEMENT_CHARS || TailLines.isAuthorBio(last.text);
      if (shortOrBio && TailLines.isContactOrPromo(last.text)) {
        kept.remove(kept.size() - 1);
      } else {
        break;
      }
    }
  }

  /** Whether the block is an item of a list (inside the content) that is mostly short linked headlines. */
  private static boolean inLinkList(Block b, Element container, PageScan scan) {
    if (!b.isListItem()) {
      return false;
    }
    Element list = b.owner.parent();
    if (list == null || list == container.parent() || !ContentLocator.isAncestor(container, list)) {
      return false;
    }
    int[] st = scan.stats.get(list);
    int items = list.childrenSize();
    return st != null && items >= 2 && (double) st[1] / st[0] > LINK_LIST_DENSITY
        && st[0] / items < LINK_LIST_ITEM_CHARS;
  }

  /**
   * Whether the block lies in one of several {@code <article>} siblings nested inside the content: a list of
   * other posts (each its own article) that a theme appends below the one being read.
   */
  private static boolean inTeaserArticle(Element el, Element container) {
    for (Element e = el; e != container; e = e.parent()) {
      if (e.normalName().equals("article")) {
        Element parent = e.parent();
        int articles = 0;
        for (Element sib : parent.children()) {
          if (sib.normalName().equals("article") && ++articles >= 2) {
            return true;
          }
        }
      }
    }
    return false;
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
    int[] whole = scan.stats.get(container);
    int containerChars = whole == null ? 0 : whole[0];
    for (Element e = el; e != container; e = e.parent()) {
      int[] st = scan.stats.get(e);
      if (st == null) {
        continue;
      }
      // inside the article, a furniture-labelled box that holds a small part of it is a rail or a promo, not
      // a layout wrapper, whatever its size
      boolean small = st[0] < SMALL_ELEMENT_CHARS;
      if (!small && st[0] >= containerChars * INSET_SHARE) {
        continue;
      }
      int hints = ClassHints.of(e);
      if ((small && ClassHints.has(hints, ClassHints.MINOR))
          || (ClassHints.has(hints, ClassHints.STRONG | ClassHints.FURNITURE) && !Pruner.holdsQuote(e))) {
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
