package io.newswire.extract.html;

import io.newswire.extract.Deadline;
import java.util.Set;
import java.util.function.IntSupplier;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Removes what can never be main text, in one iterative pass (no recursion, so 10,000-deep nesting
 * is fine): scripts and other non-text elements, hidden elements, navigation/aside/footer
 * landmarks, and elements whose class or id marks them as furniture.
 */
final class Pruner {

  private static final Set<String> NEVER_TEXT =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "svg",
          "iframe",
          "object",
          "embed",
          "canvas",
          "video",
          "audio",
          "button",
          "input",
          "select",
          "textarea",
          "option",
          "nav",
          "aside",
          "footer",
          "link",
          "meta",
          "map",
          "dialog",
          "menu",
          "figcaption");

  /**
   * A furniture-labelled element is still kept when it holds this share of the page's text: then
   * the label is a layout class on a wrapper ("page-with-sidebar"), not the furniture itself.
   */
  private static final double WRAPPER_SHARE = 0.6;

  /** Below this many characters a furniture-labelled element cannot be hiding an article. */
  private static final int SHORT_CHARS = 300;

  /** Above this share of link text a furniture-labelled element is a link list. */
  private static final double LINK_LIST = 0.35;

  private Pruner() {}

  static void prune(Element body, Deadline deadline) {
    // the page's text length is only needed for big furniture candidates; most pages never ask
    int[] pageText = {-1};
    IntSupplier pageTextLength =
        () -> {
          if (pageText[0] < 0) {
            pageText[0] = TextStats.textLength(body);
          }
          return pageText[0];
        };
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            deadline.tick();
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
            if (!tag.equals("article") && !tag.equals("main") && isFurniture(el, pageTextLength)) {
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

  /**
   * Strongly labelled furniture goes unless it is a wrapper of most of the page; weaker labels
   * ("sidebar", "widget") also name wrappers of whole articles, so those go only when short or
   * mostly links.
   */
  private static boolean isFurniture(Element el, IntSupplier pageText) {
    int hints = ClassHints.of(el);
    if (!ClassHints.has(hints, ClassHints.STRONG | ClassHints.FURNITURE)
        || ClassHints.has(hints, ClassHints.CONTENT)) {
      return false;
    }
    if (!ClassHints.has(hints, ClassHints.STRONG) && holdsQuote(el)) {
      return false;
    }
    int chars = TextStats.textLength(el);
    if (chars >= SHORT_CHARS && chars >= pageText.getAsInt() * WRAPPER_SHARE) {
      return false;
    }
    return ClassHints.has(hints, ClassHints.STRONG)
        || chars < SHORT_CHARS
        || TextStats.linkDensity(el) > LINK_LIST;
  }

  /**
   * A "social" embed wrapping a {@code <blockquote>} is a quoted post (a tweet the article cites),
   * which is part of the story; a bare share or follow box holds no quote.
   */
  static boolean holdsQuote(Element el) {
    for (Element child : el.children()) {
      if (child.normalName().equals("blockquote")) {
        return true;
      }
      for (Element grandchild : child.children()) {
        if (grandchild.normalName().equals("blockquote")) {
          return true;
        }
      }
    }
    return false;
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
