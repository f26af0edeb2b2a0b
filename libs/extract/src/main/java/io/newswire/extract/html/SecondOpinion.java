package io.newswire.extract.html;

import io.newswire.extract.Deadline;
import io.newswire.extract.site.SitePage;
import io.newswire.extract.text.Furniture;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Checks the located article against independent candidates when it looks improbable, as
 * trafilatura does with its fallbacks (issue 11). The first answer is improbable when it is empty
 * or holds less prose than the page's largest prose block alone: then the article is somewhere else
 * (a 50-character "tabContent" box won over a story set in a table, a footer address over a short
 * story). The candidates are the same search blind to class and id names, and the page's own
 * declaration of its main content ({@code <article>}, {@code <main>}, {@code itemprop=articleBody},
 * {@code role=main}); the one with the most prose wins, where prose is the text of paragraphs of
 * ten words or more that are not legal notices. When every candidate comes out empty, the page's
 * largest prose block is the answer: an empty result for a page that holds prose is the worst
 * outcome for an analyst.
 */
final class SecondOpinion {

  /** A paragraph with fewer words is a label, a link or a heading, not prose. */
  private static final int PROSE_WORDS = 10;

  /** Above this share of link text a block is navigation, however long. */
  private static final double MAX_LINK_DENSITY = 0.3;

  /**
   * The first answer is improbable when the page's largest prose block alone is this many times its
   * prose: a short article beside a longer blurb in the sidebar is common and stays.
   */
  private static final int IMPROBABLE_SHARE = 3;

  /** A candidate replaces the first answer only with this much more prose: ties keep the first. */
  private static final double MARGIN = 1.2;

  private SecondOpinion() {}

  static List<String> review(
      List<String> first,
      PageScan scan,
      Element body,
      String title,
      SitePage site,
      Deadline deadline) {
    Block largest = largestProseBlock(scan);
    int largestProse = largest == null ? 0 : proseChars(largest.text);
    int firstProse = prose(first);
    if (!first.isEmpty() && firstProse * IMPROBABLE_SHARE >= largestProse) {
      return first;
    }
    List<String> best = first;
    int bestProse = firstProse;
    for (Set<Element> candidate :
        List.of(ContentLocator.locateByTextAlone(scan, body, deadline), declaredMain(scan, body))) {
      if (candidate.isEmpty()) {
        continue;
      }
      List<String> paragraphs = BlockFilter.paragraphs(scan, candidate, title, site, deadline);
      int p = prose(paragraphs);
      if (best.isEmpty() ? !paragraphs.isEmpty() : p > bestProse * MARGIN) {
        best = paragraphs;
        bestProse = p;
      }
    }
    if (best.isEmpty() && largest != null) {
      return List.of(largest.text);
    }
    return best;
  }

  /**
   * The element the page itself declares as its main content, with the most text; empty if none.
   */
  private static Set<Element> declaredMain(PageScan scan, Element body) {
    Element best = null;
    int bestChars = 0;
    for (Element el : body.select("article, main, [itemprop=articleBody], [role=main]")) {
      int[] st = scan.stats.get(el);
      if (st != null && st[0] > bestChars) {
        best = el;
        bestChars = st[0];
      }
    }
    Set<Element> chosen = Collections.newSetFromMap(new IdentityHashMap<>());
    if (best != null) {
      chosen.add(best);
    }
    return chosen;
  }

  private static Block largestProseBlock(PageScan scan) {
    Block largest = null;
    int largestChars = 0;
    for (Block b : scan.blocks) {
      if (b.linkDensity() <= MAX_LINK_DENSITY) {
        int p = proseChars(b.text);
        if (p > largestChars) {
          largest = b;
          largestChars = p;
        }
      }
    }
    return largest;
  }

  static int prose(List<String> paragraphs) {
    int total = 0;
    for (String p : paragraphs) {
      total += proseChars(p);
    }
    return total;
  }

  /** The paragraph's length if it reads as prose, else 0. */
  static int proseChars(String paragraph) {
    int prose = 0;
    for (String line : paragraph.split("\n")) {
      if (words(line) >= PROSE_WORDS && !Furniture.isLegal(line)) {
        prose += line.length();
      }
    }
    return prose;
  }

  private static int words(String s) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0, n = s.length(); i < n; i++) {
      boolean letter = Character.isLetterOrDigit(s.charAt(i));
      if (letter && !inWord) {
        words++;
      }
      inWord = letter;
    }
    return words;
  }
}
