package io.newswire.extract.html;

import io.newswire.extract.Deadline;
import io.newswire.extract.site.SitePage;
import io.newswire.extract.text.Furniture;
import io.newswire.extract.text.TailLines;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;

/**
 * Chooses, among the blocks inside the located content, those that are article text: drops link
 * lists, captions and bylines, date lines, stock furniture lines, repeated blocks (a caption
 * rendered twice for two layouts), the headline itself (it is reported as the title), and contact
 * or promotion lines trailing the article.
 */
final class BlockFilter {

  /**
   * A labelled element this small is a caption or byline; a bigger one is a wrapper with an odd
   * class.
   */
  private static final int SMALL_ELEMENT_CHARS = 300;

  /**
   * A list whose items average fewer characters than this and are mostly links is a list of
   * headlines.
   */
  private static final int LINK_LIST_ITEM_CHARS = 100;

  private static final double LINK_LIST_DENSITY = 0.3;

  /**
   * A furniture-labelled box holding less than this share of the article's text is an inset, not a
   * wrapper.
   */
  private static final double INSET_SHARE = 0.3;

  /**
   * A comments header ends the article only after this many paragraphs: above them it is the
   * byline's count.
   */
  private static final int MIN_PARAGRAPHS_BEFORE_COMMENTS = 3;

  /** A marker that ends the article is a heading's length. */
  private static final int END_MARKER_CHARS = 80;

  /**
   * A comment's own header ("Ann says:", "Posted by Kathy on April 6, 2007 | Permalink") ends a
   * short post sooner: it does not stand beside a byline.
   */
  private static final int MIN_PARAGRAPHS_BEFORE_COMMENT_HEADER = 2;

  /**
   * A block this long that the page shows twice is a copy of the article's paragraph, not a new
   * one.
   */
  private static final int REPEATED_PARAGRAPH = 100;

  static List<String> paragraphs(PageScan scan, Set<Element> chosen, String title) {
    return paragraphs(scan, chosen, title, SitePage.NONE, Deadline.NONE);
  }

  /**
   * @param site what the page's site repeats on its other pages: such blocks are dropped too,
   *     unless that would leave nothing (a site whose pages really share their text)
   */
  static List<String> paragraphs(
      PageScan scan, Set<Element> chosen, String title, SitePage site, Deadline deadline) {
    return new BlockFilter(scan, chosen).filter(title, site, deadline);
  }

  private final PageScan scan;
  private final Set<Element> chosen;

  /**
   * Answers of the upward walks, per element: each element is walked over once per question, so a
   * page of 20,000 nested boxes costs as much as a flat one (issue 11: the walks were quadratic in
   * the depth).
   */
  private final Map<Element, Element> containers = new IdentityHashMap<>();

  private final Map<Element, Boolean> minor = new IdentityHashMap<>();
  private final Map<Element, Boolean> teaser = new IdentityHashMap<>();
  private final Map<Element, Integer> articleChildren = new IdentityHashMap<>();

  private BlockFilter(PageScan scan, Set<Element> chosen) {
    this.scan = scan;
    this.chosen = chosen;
  }

  private List<String> filter(String title, SitePage site, Deadline deadline) {
    String titleKey = title == null ? null : key(title);
    List<Block> kept = new ArrayList<>();
    List<Block> siteRepeats = new ArrayList<>();
    List<Marker> markers = new ArrayList<>();
    String previousText = "";
    int paragraphsSeen = 0;
    for (Block b : scan.blocks) {
      deadline.tick();
      site.see(b.text);
      Element container = containerOf(b.owner);
      if (container == null) {
        continue;
      }
      // readers' comments inside the article's container: the article ended above them
      // (the header may open a block that runs on through the comments, set apart by <br> alone)
      String opening = firstLine(b.text);
      if (Furniture.startsComments(opening)
          && paragraphsSeen
              >= (Furniture.isCommentCount(opening)
                  ? MIN_PARAGRAPHS_BEFORE_COMMENTS
                  : MIN_PARAGRAPHS_BEFORE_COMMENT_HEADER)) {
        break;
      }
      if (b.chars <= END_MARKER_CHARS && Furniture.endsArticle(b.text)) {
        markers.add(new Marker(b, kept.size()));
        continue;
      }
      if (b.linkDensity() > 0.5
          || (b.chars < SMALL_ELEMENT_CHARS && isMinor(b.owner, container))
          || Furniture.isFurniture(b.text)
          || Furniture.isCaption(b.text)
          || isShortcode(b.text)
          || DateLines.isDateLine(b.text)
          || inLinkList(b, container)
          || inTeaserArticle(b.owner, container)) {
        continue;
      }
      if (b.isHeading() && isHeadline(b, titleKey, kept)) {
        continue;
      }
      if (b.chars >= REPEATED_PARAGRAPH) {
        paragraphsSeen++;
      }
      // the same caption or teaser rendered twice in a row, once per layout; repeats further apart
      // are content
      // unless a whole run of paragraphs repeats (below)
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
    cutAtEndMarker(kept, markers, deadline);
    dropSecondCopy(kept);
    trimTail(kept);
    List<String> out = new ArrayList<>(kept.size());
    for (Block b : kept) {
      out.add(b.text);
    }
    return out;
  }

  /**
   * The headline repeated in the body: it matches the page title (which often carries a " | Site"
   * suffix), or it is an {@code <h1>} standing before any text of the article.
   */
  private static boolean isHeadline(Block b, String titleKey, List<Block> keptSoFar) {
    if (b.owner.normalName().equals("h1") && keptSoFar.stream().noneMatch(k -> k.chars >= 100)) {
      return true;
    }
    if (titleKey == null || titleKey.isEmpty()) {
      return false;
    }
    String k = key(b.text);
    return k.equals(titleKey)
        || (k.length() >= 20 && (titleKey.startsWith(k) || k.startsWith(titleKey)));
  }

  /**
   * Drops a second copy of the article: two or more paragraphs in a row that were all kept before
   * (a print copy, a second layout of the same story). One repeated paragraph alone is a pull quote
   * and stays.
   */
  private static void dropSecondCopy(List<Block> kept) {
    Set<String> seen = new HashSet<>();
    boolean[] repeat = new boolean[kept.size()];
    for (int i = 0; i < kept.size(); i++) {
      Block b = kept.get(i);
      repeat[i] = b.chars >= REPEATED_PARAGRAPH && !seen.add(b.text);
    }
    List<Block> out = new ArrayList<>(kept.size());
    for (int i = 0; i < kept.size(); i++) {
      boolean inRun =
          repeat[i] && ((i > 0 && repeat[i - 1]) || (i + 1 < kept.size() && repeat[i + 1]));
      if (!inRun) {
        out.add(kept.get(i));
      }
    }
    if (out.size() < kept.size()) {
      kept.clear();
      kept.addAll(out);
    }
  }

  /**
   * Drops the short lines after the article's last paragraph that address the reader instead of
   * telling the story: how to reach the author, where to follow the site, who contributed, what to
   * sign up for.
   */
  /**
   * A heading like "Recommended", "Related articles" or "More from …" after the article's
   * paragraphs heads other articles' teasers: what their links leave (counts, summaries) goes with
   * it. When the article resumes outside the heading's box (a "Related stories" box floated between
   * two paragraphs), only what is left of the box goes; when everything after the heading is in its
   * box, it is a box inside the article if more of the article follows than came before, as in
   * plain text.
   *
   * @param markers each such heading, with how many blocks had been kept when it came
   */
  private static void cutAtEndMarker(List<Block> kept, List<Marker> markers, Deadline deadline) {
    boolean[] drop = new boolean[kept.size()];
    for (Marker m : markers) {
      Element box = m.heading().owner.parent();
      int before = 0;
      int after = 0;
      boolean resumes = false;
      for (int i = 0; i < kept.size(); i++) {
        deadline.tick(); // markers times blocks: a page made of thousands of each stays bounded
        Block b = kept.get(i);
        if (drop[i] || b.chars < REPEATED_PARAGRAPH) {
          continue;
        }
        if (i < m.at()) {
          before++;
        } else {
          after++;
          resumes |= box != null && !ContentLocator.isAncestor(box, b.owner);
        }
      }
      if (before < MIN_PARAGRAPHS_BEFORE_COMMENTS) {
        continue;
      }
      for (int i = m.at(); i < kept.size(); i++) {
        if (!resumes ? after <= before : ContentLocator.isAncestor(box, kept.get(i).owner)) {
          drop[i] = true;
        }
      }
    }
    List<Block> out = new ArrayList<>(kept.size());
    for (int i = 0; i < kept.size(); i++) {
      if (!drop[i]) {
        out.add(kept.get(i));
      }
    }
    kept.clear();
    kept.addAll(out);
  }

  /** A heading that ends the article, and how many blocks had been kept when it came. */
  private record Marker(Block heading, int at) {}

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

  /**
   * Whether the block is an item of a list (inside the content) that is mostly short linked
   * headlines.
   */
  private boolean inLinkList(Block b, Element container) {
    if (!b.isListItem()) {
      return false;
    }
    Element list = b.owner.parent();
    if (list == null || list == container.parent() || !ContentLocator.isAncestor(container, list)) {
      return false;
    }
    int[] st = scan.stats.get(list);
    int items = list.childrenSize();
    return st != null
        && items >= 2
        && (double) st[1] / st[0] > LINK_LIST_DENSITY
        && st[0] / items < LINK_LIST_ITEM_CHARS;
  }

  /**
   * Whether the block lies in one of several {@code <article>} siblings nested inside the content:
   * a list of other posts (each its own article) that a theme appends below the one being read.
   */
  private boolean inTeaserArticle(Element el, Element container) {
    return anyUpTo(
        el,
        container,
        teaser,
        e -> e.normalName().equals("article") && articlesUnder(e.parent()) >= 2);
  }

  private int articlesUnder(Element parent) {
    Integer known = articleChildren.get(parent);
    if (known != null) {
      return known;
    }
    int articles = 0;
    for (Element sib : parent.children()) {
      if (sib.normalName().equals("article")) {
        articles++;
      }
    }
    articleChildren.put(parent, articles);
    return articles;
  }

  /** The chosen element {@code el} lies in, or null. */
  private Element containerOf(Element el) {
    List<Element> path = new ArrayList<>();
    Element found = null;
    for (Element e = el; e != null; e = e.parent()) {
      if (chosen.contains(e)) {
        found = e;
        break;
      }
      if (containers.containsKey(e)) {
        found = containers.get(e);
        break;
      }
      path.add(e);
    }
    for (Element e : path) {
      containers.put(e, found);
    }
    return found;
  }

  /**
   * Whether {@code test} holds for {@code el} or an ancestor below {@code container}, remembering
   * the answer for every element on the way so that no element is tested twice.
   */
  private static boolean anyUpTo(
      Element el, Element container, Map<Element, Boolean> memo, Predicate<Element> test) {
    List<Element> path = new ArrayList<>();
    boolean found = false;
    for (Element e = el; e != null && e != container; e = e.parent()) {
      Boolean known = memo.get(e);
      if (known != null) {
        found = known;
        break;
      }
      path.add(e);
    }
    for (int i = path.size() - 1; i >= 0; i--) {
      Element e = path.get(i);
      found = found || test.test(e);
      memo.put(e, found);
    }
    return found;
  }

  /**
   * Whether a caption/byline/tag-list hint sits between the block and its container. Hints above
   * the container say nothing: a body class like "has-sidebar" is about the layout.
   */
  private boolean isMinor(Element el, Element container) {
    int[] whole = scan.stats.get(container);
    int containerChars = whole == null ? 0 : whole[0];
    return anyUpTo(el, container, minor, e -> isMinorBox(e, containerChars));
  }

  private boolean isMinorBox(Element e, int containerChars) {
    int[] st = scan.stats.get(e);
    if (st == null) {
      return false;
    }
    // inside the article, a furniture-labelled box that holds a small part of it is a rail or a
    // promo, not
    // a layout wrapper, whatever its size
    boolean small = st[0] < SMALL_ELEMENT_CHARS;
    if (!small && st[0] >= containerChars * INSET_SHARE) {
      return false;
    }
    int hints = ClassHints.of(e);
    return (small && ClassHints.has(hints, ClassHints.MINOR))
        || (ClassHints.has(hints, ClassHints.STRONG | ClassHints.FURNITURE)
            && !Pruner.holdsQuote(e));
  }

  /**
   * Whether the block is a WordPress shortcode the theme failed to render: "[button link=…]Send us
   * your review[/button]". Checked by hand, in one pass: the backreference a pattern needs for it
   * backtracked quadratically on a long paragraph that starts with "[" (issue 11).
   */
  static boolean isShortcode(String text) {
    int n = text.length();
    if (n < 5 || text.charAt(0) != '[' || text.charAt(n - 1) != ']') {
      return false;
    }
    int close = text.lastIndexOf("[/");
    int nameLength = n - 1 - (close + 2);
    if (close <= 0 || nameLength <= 0) {
      return false;
    }
    for (int i = close + 2; i < n - 1; i++) {
      if (!isWordChar(text.charAt(i))) {
        return false;
      }
    }
    // the opening tag starts with the closing tag's name, and its first ']' comes before the
    // closing tag
    if (!text.regionMatches(1, text, close + 2, nameLength)) {
      return false;
    }
    int openEnd = text.indexOf(']', 1 + nameLength);
    return openEnd >= 0 && openEnd < close;
  }

  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
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

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
