package io.newswire.extract.html;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Removes what can never be main text, in one iterative pass (no recursion, so 10,000-deep nesting is
 * fine): scripts and other non-text elements, hidden elements, navigation/aside/footer landmarks, and
 * elements whose class or id marks them as furniture.
 */
final class Pruner {

  private static final Set<String> NEVER_TEXT =
      Set.of("script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "video",
          "audio", "button", "input", "select", "textarea", "option", "nav", "aside", "footer", "link", "meta",
          "map", "dialog", "menu");

  /**
   * A furniture-labelled element is still kept when it holds this share of the page's text: then the label
   * is a layout class on a wrapper ("page-with-sidebar"), not the furniture itself.
   */
  private static final double WRAPPER_SHARE = 0.6;

  private Pruner() {}

  static void prune(Element body) {
    int pageText = TextStats.textLength(body);
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element el)) {
              return FilterResult.CONTINUE;
            }
            if (el == body) {
              return FilterResult.CONTINUE;
            }
            String tag = el.normalName();
            if (NEVER_TEXT.contains(tag) || isHidden(el)) {
              return FilterResult.REMOVE;
            }
            if (!tag.equals("article") && !tag.equals("main") && ClassHints.of(el) == ClassHints.Hint.BOILERPLATE
                && TextStats.textLength(el) < pageText * WRAPPER_SHARE) {
              return FilterResult.REMOVE;
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        body);
  }

  private static boolean isHidden(Element el) {
    if (el.hasAttr("hidden")) {
      return true;
    }
    String style = el.attr("style");
    if (style.isEmpty()) {
      return false;
    }
    String s = style.toLowerCase().replace(" ", "");
    return s.contains("display:none") || s.contains("visibility:hidden");
  }
}
