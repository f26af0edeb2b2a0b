package io.newswire.extract.html;

import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What an element's {@code class} and {@code id} say about its role. Names are split into words
 * ({@code relatedArticles}, {@code related-articles} and {@code related_articles} all give "related"), so
 * a short word such as "ad" only matches as a whole word and never inside "header" or "download".
 */
final class ClassHints {

  enum Hint { NONE, BOILERPLATE, MINOR, CONTENT }

  /** Page furniture: removed before scoring unless the element holds most of the page's text. */
  private static final Set<String> BOILERPLATE =
      Set.of("nav", "navbar", "navigation", "menu", "menus", "footer", "sidebar", "sidebars", "comment",
          "comments", "disqus", "share", "shares", "sharing", "sharebar", "social", "socials", "related",
          "recommended", "recommendations", "newsletter", "newsletters", "subscribe", "subscription", "signup",
          "promo", "promos", "promotion", "ad", "ads", "advert", "adverts", "advertisement", "advertising",
          "sponsor", "sponsored", "banner", "cookie", "cookies", "consent", "popup", "modal", "overlay",
          "outbrain", "taboola", "breadcrumb", "breadcrumbs", "trending", "popular", "mostread", "widget",
          "widgets", "masthead", "pagination", "pager", "paywall", "login", "toolbar", "recirc",
          "offcanvas", "skip", "jump", "follow", "more");

  /**
   * Elements that sit inside articles without being their text: captions, bylines, date lines, tag lists.
   * Only short blocks under such elements are dropped, since some sites give the body a class like
   * "post-meta-content".
   */
  private static final Set<String> MINOR =
      Set.of("caption", "captions", "credit", "credits", "byline", "bylines", "author", "authors", "dateline",
          "timestamp", "date", "time", "tags", "tag", "topics", "keywords", "meta", "info", "print", "hidden",
          "sr", "screen", "visually", "visuallyhidden", "tools", "actions", "label", "kicker", "disclaimer");

  private static final Set<String> CONTENT =
      Set.of("article", "content", "entry", "post", "story", "body", "text", "main", "blog", "prose",
          "articlebody", "storybody", "postbody", "entrycontent", "richtext");

  private ClassHints() {}

  static Hint of(Element el) {
    String cls = el.className();
    String id = el.id();
    if (cls.isEmpty() && id.isEmpty()) {
      return Hint.NONE;
    }
    boolean[] seen = new boolean[Hint.values().length];
    scan(cls, seen);
    scan(id, seen);
    if (seen[Hint.BOILERPLATE.ordinal()]) {
      return seen[Hint.CONTENT.ordinal()] ? Hint.MINOR : Hint.BOILERPLATE;
    }
    if (seen[Hint.CONTENT.ordinal()]) {
      return Hint.CONTENT;
    }
    return seen[Hint.MINOR.ordinal()] ? Hint.MINOR : Hint.NONE;
  }

  /** Splits on non-letters and on lower-to-upper case changes, and records which word sets are hit. */
  private static void scan(String s, boolean[] seen) {
    int start = 0;
    int n = s.length();
    for (int i = 1; i <= n; i++) {
      boolean boundary = i == n || !Character.isLetter(s.charAt(i))
          || (Character.isUpperCase(s.charAt(i)) && Character.isLowerCase(s.charAt(i - 1)));
      if (boundary) {
        if (i > start && Character.isLetter(s.charAt(start))) {
          String word = s.substring(start, i).toLowerCase();
          if (BOILERPLATE.contains(word)) {
            seen[Hint.BOILERPLATE.ordinal()] = true;
          } else if (CONTENT.contains(word)) {
            seen[Hint.CONTENT.ordinal()] = true;
          } else if (MINOR.contains(word)) {
            seen[Hint.MINOR.ordinal()] = true;
          }
        }
        start = i < n && Character.isLetter(s.charAt(i)) ? i : i + 1;
      }
    }
  }
}
