package io.newswire.extract.html;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Text measures of a subtree, computed iteratively without building the text itself. */
final class TextStats {

  private TextStats() {}

  /** Non-whitespace characters under {@code el}. */
  static int textLength(Element el) {
    int[] n = {0};
    NodeTraversor.traverse(
        (node, depth) -> {
          if (node instanceof TextNode t) {
            n[0] += nonSpace(t.getWholeText());
          }
        },
        el);
    return n[0];
  }

  /** Share of the non-whitespace text under {@code el} that sits inside links. */
  static double linkDensity(Element el) {
    int[] n = {0, 0};
    NodeTraversor.traverse(
        new NodeVisitor() {
          int inLink;

          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              int len = nonSpace(t.getWholeText());
              n[0] += len;
              if (inLink > 0) {
                n[1] += len;
              }
            } else if (node instanceof Element e && e.normalName().equals("a")) {
              inLink++;
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e && e.normalName().equals("a")) {
              inLink--;
            }
          }
        },
        el);
    return n[0] == 0 ? 0 : (double) n[1] / n[0];
  }

  static int nonSpace(String s) {
    int count = 0;
    for (int i = 0, len = s.length(); i < len; i++) {
      char c = s.charAt(i);
      if (c > ' ' && c != '\u00a0') {
        count++;
      }
    }
    return count;
  }
}
