package io.newswire.extract.html;

import io.newswire.extract.Deadline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * One iterative walk over the pruned body that cuts its text into {@link Block}s at block-level
 * elements and records, for every element holding text, how much text and link text it holds.
 * Everything later works from these, so the DOM is walked once more only for the metadata.
 */
final class PageScan implements NodeVisitor {

  private static final Set<String> BLOCK_TAGS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "header",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "ul",
          "ol",
          "dl",
          "dt",
          "dd",
          "blockquote",
          "pre",
          "table",
          "tbody",
          "thead",
          "tr",
          "figure",
          "figcaption",
          "form",
          "address",
          "hr",
          "center",
          "fieldset",
          "details",
          "summary",
          "caption",
          "body");

  final List<Block> blocks = new ArrayList<>();

  /** Element → {text chars, link chars} of its whole subtree; only elements with text appear. */
  final Map<Element, int[]> stats = new IdentityHashMap<>();

  private final StringBuilder text = new StringBuilder();
  private int blockChars;
  private int blockLinkChars;
  private int totalChars;
  private int totalLinkChars;
  private int inLink;
  private final List<Element> owners = new ArrayList<>();

  /** Per open element: the text and link totals when it started. */
  private int[] marks = new int[256];

  private int depthUsed;

  private final Deadline deadline;

  private PageScan(Deadline deadline) {
    this.deadline = deadline;
  }

  static PageScan of(Element body, Deadline deadline) {
    PageScan scan = new PageScan(deadline);
    scan.owners.add(body);
    NodeTraversor.traverse(scan, body);
    scan.flush();
    return scan;
  }

  @Override
  public void head(Node node, int depth) {
    deadline.tick();
    if (node instanceof TextNode t) {
      appendText(t.getWholeText());
      return;
    }
    if (!(node instanceof Element el)) {
      return;
    }
    String tag = el.normalName();
    push();
    if (tag.equals("a")) {
      inLink++;
    } else if (tag.equals("br")) {
      text.append('\n');
    } else if (tag.equals("td") || tag.equals("th")) {
      text.append(' ');
    }
    if (BLOCK_TAGS.contains(tag) && el != owners.get(0)) {
      flush();
      owners.add(el);
    }
  }

  @Override
  public void tail(Node node, int depth) {
    if (!(node instanceof Element el)) {
      return;
    }
    String tag = el.normalName();
    if (BLOCK_TAGS.contains(tag) && owners.size() > 1 && owners.get(owners.size() - 1) == el) {
      flush();
      owners.remove(owners.size() - 1);
    }
    if (tag.equals("a")) {
      inLink--;
    }
    depthUsed -= 2;
    int startChars = marks[depthUsed];
    int startLinks = marks[depthUsed + 1];
    if (totalChars > startChars) {
      stats.put(el, new int[] {totalChars - startChars, totalLinkChars - startLinks});
    }
  }

  private void push() {
    if (depthUsed + 2 > marks.length) {
      marks = Arrays.copyOf(marks, marks.length * 2);
    }
    marks[depthUsed] = totalChars;
    marks[depthUsed + 1] = totalLinkChars;
    depthUsed += 2;
  }

  /**
   * Appends with runs of whitespace collapsed to one space (line breaks from {@code <br>} are
   * kept).
   */
  private void appendText(String s) {
    int chars = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c == '\u00a0' || c == '\u200b') {
        int last = text.length() - 1;
        if (last >= 0 && text.charAt(last) != ' ' && text.charAt(last) != '\n') {
          text.append(' ');
        }
      } else {
        text.append(c);
        chars++;
      }
    }
    blockChars += chars;
    totalChars += chars;
    if (inLink > 0) {
      blockLinkChars += chars;
      totalLinkChars += chars;
    }
  }

  private void flush() {
    if (blockChars > 0) {
      String t = tidy(text);
      blocks.add(new Block(owners.get(owners.size() - 1), t, blockChars, blockLinkChars));
    }
    text.setLength(0);
    blockChars = 0;
    blockLinkChars = 0;
  }

  /** Trims each line and drops empty lines left by {@code <br>}s. */
  private static String tidy(CharSequence raw) {
    StringBuilder out = new StringBuilder(raw.length());
    for (String line : raw.toString().split("\n")) {
      String l = line.strip();
      if (!l.isEmpty()) {
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(l);
      }
    }
    return out.toString();
  }
}
