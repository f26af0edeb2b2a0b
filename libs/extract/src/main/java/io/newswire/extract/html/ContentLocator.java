package io.newswire.extract.html;

import io.newswire.extract.Deadline;
import io.newswire.extract.text.Furniture;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Finds the element that holds the article: every paragraph-sized block gives points to the
 * elements above it (fewer the further up), weighted by class/id hints, and an element's points
 * shrink with its link density. The winner may be widened to an ancestor when the runner-up
 * candidates sit under it too (an article split into several containers), and its siblings that
 * look like more of the same join it.
 */
final class ContentLocator {

  private static final int MIN_PARAGRAPH_CHARS = 25;
  private static final int LEVELS = 5;
  private static final int LEGAL_CHARS = 400;

  /** How far above the winner a lead paragraph set apart is looked for. */
  private static final int LEAD_LEVELS = 2;

  /** A lead is a sentence of some length, not a label. */
  private static final int LEAD_CHARS = 80;

  /** How far above the winner same-class chunks of the article are looked for. */
  private static final int TWIN_LEVELS = 2;

  private final PageScan scan;
  private final Deadline deadline;
  private final boolean hints;
  private final Map<Element, double[]> scores = new IdentityHashMap<>();

  private ContentLocator(PageScan scan, Deadline deadline, boolean hints) {
    this.scan = scan;
    this.deadline = deadline;
    this.hints = hints;
  }

  /** The elements whose text is the article, in document order; empty if nothing scored. */
  static Set<Element> locate(PageScan scan, Element body, Deadline deadline) {
    return new ContentLocator(scan, deadline, true).run(body);
  }

  /**
   * The same search from the text alone, blind to class and id names: an independent candidate for
   * when the names mislead (a "tabContent" box of 50 characters beside a 3,000-character story in a
   * table).
   */
  static Set<Element> locateByTextAlone(PageScan scan, Element body, Deadline deadline) {
    return new ContentLocator(scan, deadline, false).run(body);
  }

  private Set<Element> run(Element body) {
    for (Block b : scan.blocks) {
      deadline.tick();
      if (b.chars < MIN_PARAGRAPH_CHARS || b.isHeading()) {
        continue;
      }
      double points = points(b) * (1 - b.linkDensity());
      Element el = b.owner.parent();
      for (int level = 0; level < LEVELS && el != null; level++, el = el.parent()) {
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        score(el)[0] += points / divider;
      }
    }
    Element top = null;
    double topScore = 0;
    List<Map.Entry<Element, Double>> ranked = new ArrayList<>();
    for (Map.Entry<Element, double[]> e : scores.entrySet()) {
      double s = e.getValue()[0] * (1 - linkDensity(e.getKey()));
      e.getValue()[0] = s;
      ranked.add(Map.entry(e.getKey(), s));
      if (s > topScore) {
        topScore = s;
        top = e.getKey();
      }
    }
    Set<Element> chosen = Collections.newSetFromMap(new IdentityHashMap<>());
    if (top == null) {
      return chosen;
    }
    ranked.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
    top = widen(top, topScore, ranked, body);
    topScore = Math.max(topScore, finalScore(top));
    chosen.add(top);
    addSiblings(top, topScore, chosen);
    addTwins(top, topScore, chosen);
    addLead(top, chosen);
    return chosen;
  }

  /**
   * A story's lead is often set apart from the rest, in a paragraph of its own between the headline
   * and the box that holds the body (after it an ad slot, then the body inside a layout of rails):
   * a paragraph of prose that stands just before the winner or one of its near ancestors, with
   * nothing but empty elements (ad slots, pictures) between, joins it.
   */
  private void addLead(Element top, Set<Element> chosen) {
    Element child = top;
    for (int level = 0; level < LEAD_LEVELS && child.parent() != null; level++) {
      for (Element sib = child.previousElementSibling();
          sib != null;
          sib = sib.previousElementSibling()) {
        int[] st = scan.stats.get(sib);
        if (st == null || st[0] == 0) {
          continue; // an ad slot or a picture: look past it
        }
        if (sib.normalName().equals("p")
            && st[0] >= LEAD_CHARS
            && (double) st[1] / st[0] < 0.25
            && endsSentence(sib.text())) {
          chosen.add(sib);
        }
        break;
      }
      child = child.parent();
    }
  }

  /**
   * An article cut into chunks by interleaved ads or embeds is often several elements of the same
   * tag and class under one nearby ancestor; the ones that score as text join the winner.
   */
  private void addTwins(Element top, double topScore, Set<Element> chosen) {
    String cls = top.className();
    if (cls.isEmpty()) {
      return;
    }
    Element region = top;
    for (int i = 0; i < TWIN_LEVELS && region.parent() != null; i++) {
      region = region.parent();
    }
    double threshold = Math.max(10, topScore * 0.1);
    for (Map.Entry<Element, double[]> e : scores.entrySet()) {
      deadline.tick();
      Element el = e.getKey();
      if (el != top
          && e.getValue()[0] >= threshold
          && el.normalName().equals(top.normalName())
          && el.className().equals(cls)
          && isAncestor(region, el)
          && !isAncestor(top, el)
          && !isAncestor(el, top)) {
        chosen.add(el);
      }
    }
  }

  /**
   * If three of the next best candidates share an ancestor with the winner that itself scores well,
   * the article is split across them and the ancestor is the real container.
   */
  private Element widen(
      Element top, double topScore, List<Map.Entry<Element, Double>> ranked, Element body) {
    List<Element> alternatives = new ArrayList<>();
    for (int i = 1; i < Math.min(ranked.size(), 6); i++) {
      if (ranked.get(i).getValue() >= topScore * 0.75) {
        alternatives.add(ranked.get(i).getKey());
      }
    }
    if (alternatives.size() >= 3) {
      for (Element anc = top.parent(); anc != null && anc != body.parent(); anc = anc.parent()) {
        int containing = 0;
        for (Element alt : alternatives) {
          if (isAncestor(anc, alt)) {
            containing++;
          }
        }
        if (containing >= 3) {
          return anc;
        }
      }
    }
    // a lone child adds nothing of its own: the parent is the same content with the same siblings
    while (top.parent() != null
        && top.parent() != body.parent()
        && top.parent().childrenSize() == 1) {
      top = top.parent();
    }
    return top;
  }

  /**
   * A site's legal notice is a line or two: longer text is never one, and is not lower-cased to
   * ask.
   */
  private static boolean isLegal(String text) {
    return text.length() <= LEGAL_CHARS && Furniture.isLegal(text);
  }

  /**
   * A paragraph's worth: one point, one per comma, and up to three for its length. Lines split by
   * {@code <br>} count as paragraphs of their own, as readability does, or a story set as one run
   * of text with line breaks would weigh as one paragraph against a list of teasers.
   */
  private static double points(Block b) {
    if (b.text.indexOf('\n') < 0) {
      return isLegal(b.text) ? 0 : 1 + commas(b.text) + Math.min(b.chars / 100.0, 3.0);
    }
    double points = 0;
    for (String line : b.text.split("\n")) {
      if (line.length() >= MIN_PARAGRAPH_CHARS && !isLegal(line)) {
        points += 1 + commas(line) + Math.min(line.length() / 100.0, 3.0);
      }
    }
    return points;
  }

  private void addSiblings(Element top, double topScore, Set<Element> chosen) {
    Element parent = top.parent();
    if (parent == null) {
      return;
    }
    double threshold = Math.max(10, topScore * 0.2);
    for (Element sib : parent.children()) {
      if (sib == top) {
        continue;
      }
      double bonus =
          !top.className().isEmpty() && sib.className().equals(top.className())
              ? topScore * 0.2
              : 0;
      if (finalScore(sib) + bonus >= threshold) {
        chosen.add(sib);
      } else if (sib.normalName().equals("p")) {
        int[] st = scan.stats.get(sib);
        if (st != null) {
          double ld = (double) st[1] / st[0];
          if ((st[0] > 80 && ld < 0.25) || (ld == 0 && endsSentence(sib.text()))) {
            chosen.add(sib);
          }
        }
      }
    }
  }

  private double finalScore(Element el) {
    double[] s = scores.get(el);
    return s == null ? 0 : s[0];
  }

  private double[] score(Element el) {
    double[] s = scores.get(el);
    if (s == null) {
      s = new double[] {initialScore(el, hints)};
      scores.put(el, s);
    }
    return s;
  }

  private static double initialScore(Element el, boolean useHints) {
    double s =
        switch (el.normalName()) {
          case "div", "article", "main", "section" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    int hints = useHints ? ClassHints.of(el) : 0;
    if (ClassHints.has(hints, ClassHints.CONTENT)) {
      s += ClassHints.has(hints, ClassHints.ANY_NEGATIVE) ? 0 : 25;
    } else if (ClassHints.has(hints, ClassHints.STRONG | ClassHints.FURNITURE)) {
      s -= 25;
    } else if (ClassHints.has(hints, ClassHints.MINOR)) {
      s -= 10;
    }
    if (el.normalName().equals("article")) {
      s += 10;
    }
    return s;
  }

  private double linkDensity(Element el) {
    int[] st = scan.stats.get(el);
    return st == null || st[0] == 0 ? 0 : (double) st[1] / st[0];
  }

  private static boolean endsSentence(String s) {
    String t = s.strip();
    return t.length() > 20
        && (t.endsWith(".") || t.endsWith("!") || t.endsWith("?") || t.endsWith("\u201d"));
  }

  static boolean isAncestor(Element anc, Element el) {
    for (Element e = el; e != null; e = e.parent()) {
      if (e == anc) {
        return true;
      }
    }
    return false;
  }

  private static int commas(String s) {
    int n = 0;
    for (int i = 0, len = s.length(); i < len; i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '\uff0c' || c == '\u3001') {
        n++;
      }
    }
    return n;
  }
}
