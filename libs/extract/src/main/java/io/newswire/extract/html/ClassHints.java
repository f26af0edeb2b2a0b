package io.newswire.extract.html;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What an element's {@code class} and {@code id} say about its role, as bit flags. Names are split
 * into words ({@code relatedArticles}, {@code related-articles} and {@code related_articles} all
 * give "related"), so a short word such as "ad" only matches as a whole word and never inside
 * "header" or "download".
 */
final class ClassHints {

  /**
   * Furniture that is never article text: comments, related links, newsletter boxes, navigation.
   */
  static final int STRONG = 1;

  /**
   * Usually furniture, but also seen on wrappers of the whole article ("sticky-sidebar", "widget").
   */
  static final int FURNITURE = 2;

  /**
   * Things that sit inside articles without being their text: captions, bylines, date lines, tag
   * lists.
   */
  static final int MINOR = 4;

  static final int CONTENT = 8;
  static final int ANY_NEGATIVE = STRONG | FURNITURE | MINOR;

  private static final Set<String> STRONG_WORDS =
      Set.of(
          "nav",
          "navbar",
          "navigation",
          "footer",
          "foot",
          "comment",
          "comments",
          "disqus",
          "related",
          "recommended",
          "recommendations",
          "newsletter",
          "newsletters",
          "subscribe",
          "subscription",
          "signup",
          "outbrain",
          "taboola",
          "breadcrumb",
          "breadcrumbs",
          "cookie",
          "cookies",
          "consent",
          "mostread",
          "recirc",
          "promo",
          "promos");

  private static final Set<String> FURNITURE_WORDS =
      Set.of(
          "menu",
          "menus",
          "sidebar",
          "sidebars",
          "promotion",
          "ad",
          "ads",
          "advert",
          "adverts",
          "advertisement",
          "advertising",
          "sponsor",
          "sponsored",
          "banner",
          "popup",
          "modal",
          "overlay",
          "trending",
          "popular",
          "social",
          "widget",
          "widgets",
          "masthead",
          "pagination",
          "pager",
          "login",
          "toolbar",
          "offcanvas",
          "skip",
          "jump",
          "follow",
          "more",
          "header",
          "share",
          "shares",
          "sharing",
          "sharebar");

  private static final Set<String> MINOR_WORDS =
      Set.of(
          "caption",
          "captions",
          "credit",
          "credits",
          "byline",
          "bylines",
          "author",
          "authors",
          "dateline",
          "timestamp",
          "date",
          "time",
          "tags",
          "tag",
          "topics",
          "keywords",
          "meta",
          "info",
          "print",
          "hidden",
          "sr",
          "screen",
          "visually",
          "visuallyhidden",
          "tools",
          "actions",
          "label",
          "kicker",
          "disclaimer",
          "bio",
          "share",
          "figcaption");

  private static final Set<String> CONTENT_WORDS =
      Set.of(
          "article",
          "content",
          "entry",
          "post",
          "story",
          "body",
          "text",
          "main",
          "blog",
          "prose",
          "articlebody",
          "storybody",
          "postbody",
          "entrycontent",
          "richtext");

  private ClassHints() {}

  static int of(Element el) {
    String cls = el.className();
    String id = el.id();
    if (cls.isEmpty() && id.isEmpty()) {
      return 0;
    }
    return scan(id, scan(cls, 0));
  }

  static boolean has(int flags, int bits) {
    return (flags & bits) != 0;
  }

  /**
   * Splits on non-letters and on lower-to-upper case changes, and adds the flag of every word it
   * knows.
   */
  private static int scan(String s, int flags) {
    String lower = s.toLowerCase(Locale.ROOT);
    int start = 0;
    int n = s.length();
    for (int i = 1; i <= n; i++) {
      boolean boundary =
          i == n
              || !Character.isLetter(s.charAt(i))
              || (Character.isUpperCase(s.charAt(i)) && Character.isLowerCase(s.charAt(i - 1)));
      if (boundary) {
        if (i > start && Character.isLetter(s.charAt(start))) {
          String word = lower.substring(start, i);
          if (STRONG_WORDS.contains(word)) {
            flags |= STRONG;
          } else if (FURNITURE_WORDS.contains(word)) {
            flags |= FURNITURE;
          } else if (CONTENT_WORDS.contains(word)) {
            flags |= CONTENT;
          } else if (MINOR_WORDS.contains(word)) {
            flags |= MINOR;
          }
        }
        start = i < n && Character.isLetter(s.charAt(i)) ? i : i + 1;
      }
    }
    return flags;
  }
}
