package io.newswire.fetcher.source.page;

import com.google.re2j.Pattern;
import io.newswire.fetcher.source.Documents.ItemMetadata;
import io.newswire.fetcher.source.FeedItem;
import io.newswire.model.DocumentIds;
import java.net.URI;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Tells a listing page (a section, a topic, a search of reports) from a single article, and reads a
 * listing's article links. General rules only, no per-site configuration:
 *
 * <ul>
 *   <li>Links are read from the main content: {@code <main>} (or {@code role=main}) if the page has
 *       one, else the body, without navigation, asides, the page's own header and footer, and
 *       blocks whose class or id names them as menus, sidebars, breadcrumbs, sharing, pagination or
 *       related/popular lists.
 *   <li>A link counts if {@link ArticleLinks} accepts its URL (same site, not a tag, author,
 *       pagination, account, feed or media URL, and shaped like an article), its {@code rel} is not
 *       tag/author/category/prev/next, and it is not a citation inside running prose (a link well
 *       into a paragraph's text).
 *   <li>Each counted link has a "card": its largest enclosing block that holds no other counted URL
 *       (the list item or teaser box around a headline). A listing is mostly cards; an article is
 *       mostly prose outside them. The page is a listing if it has at least {@link
 *       #MIN_ARTICLE_LINKS} links and its text outside the cards is at most the cards' text plus
 *       {@link #PROSE_SLACK} characters (at most half the cards' text if the page declares itself
 *       an article through {@code og:type} or JSON-LD, since such pages often end in a list of
 *       related reports).
 * </ul>
 */
public final class ListingPage {
  /** Fewer article links than this and the page is treated as one document. */
  static final int MIN_ARTICLE_LINKS = 3;

  /** Characters of text outside link cards a listing may have (an intro, a heading, filters). */
  static final int PROSE_SLACK = 400;

  /** Titles longer than this are teasers, not headlines. */
  private static final int MAX_TITLE = 300;

  private static final Set<String> HINTS_PREFIX =
      Set.of(
          "nav",
          "menu",
          "breadcrumb",
          "sidebar",
          "share",
          "sharing",
          "social",
          "cookie",
          "pagination",
          "pager",
          "related",
          "popular",
          "trending",
          "recommended",
          "newsletter",
          "subscribe",
          "comments",
          "skip",
          "masthead");
  private static final Set<String> HINTS_EXACT =
      Set.of("header", "footer", "site-header", "site-footer", "top-bar");
  private static final Set<String> NON_ARTICLE_RELS =
      Set.of("tag", "author", "category", "prev", "next", "alternate", "license");
  private static final Pattern ARTICLE_LD_TYPE =
      Pattern.compile("\"@type\"\\s*:\\s*\\[?\\s*\"(\\w*Article|BlogPosting|Report|Review)\"");

  /**
   * What a page turned out to be.
   *
   * @param listing true if its article links should be emitted instead of the page
   * @param items the article links in page order, deduplicated by canonical URL (empty unless a
   *     listing)
   * @param why a short explanation for the log
   */
  public record Result(boolean listing, List<FeedItem> items, String why) {}

  private static final class Candidate {
    final String url;
    final List<Element> anchors = new ArrayList<>();

    Candidate(String url) {
      this.url = url;
    }
  }

  private ListingPage() {}

  /** Reads {@code html} fetched from {@code pageUri} (the URL after redirects). */
  public static Result read(String html, URI pageUri) {
    Document doc = Jsoup.parse(html, pageUri.toString());
    boolean declaredArticle = declaresArticle(doc);
    removeFurniture(doc);
    List<Element> roots = contentRoots(doc);

    Map<String, Candidate> byId = new LinkedHashMap<>();
    Map<Element, Element> rootOf = new IdentityHashMap<>();
    for (Element root : roots) {
      for (Element a : root.select("a[href]")) {
        if (hasNonArticleRel(a) || inRunningProse(a)) {
          continue;
        }
        String url = ArticleLinks.accept(pageUri, a.absUrl("href"));
        if (url == null) {
          continue;
        }
        byId.computeIfAbsent(DocumentIds.forUrl(url), id -> new Candidate(url)).anchors.add(a);
        rootOf.put(a, root);
      }
    }
    int n = byId.size();
    if (n < MIN_ARTICLE_LINKS) {
      return new Result(false, List.of(), n + " article link(s), fewer than " + MIN_ARTICLE_LINKS);
    }

    // which candidate URLs each element holds, to find each link's card
    Map<Element, Set<String>> holds = new IdentityHashMap<>();
    for (Candidate c : byId.values()) {
      for (Element a : c.anchors) {
        Element root = rootOf.get(a);
        for (Element e = a; e != null && e != root; e = e.parent()) {
          holds.computeIfAbsent(e, x -> new LinkedHashSet<>()).add(c.url);
        }
      }
    }
    Map<Element, Boolean> cards = new IdentityHashMap<>();
    Map<Candidate, Element> cardOf = new IdentityHashMap<>();
    for (Candidate c : byId.values()) {
      for (Element a : c.anchors) {
        Element root = rootOf.get(a);
        Element card = a;
        for (Element e = a.parent();
            e != null && e != root && holds.get(e).size() == 1;
            e = e.parent()) {
          card = e;
        }
        cards.put(card, true);
        cardOf.putIfAbsent(c, card);
      }
    }
    long cardText = 0;
    for (Element card : cards.keySet()) {
      cardText += card.text().length();
    }
    long allText = 0;
    for (Element root : roots) {
      allText += root.text().length();
    }
    long outside = Math.max(0, allText - cardText);
    long allowance = declaredArticle ? cardText / 2 : cardText + PROSE_SLACK;
    String figures =
        n
            + " article links, "
            + cardText
            + " chars in their cards, "
            + outside
            + " outside"
            + (declaredArticle ? " (page declares itself an article)" : "");
    if (outside > allowance) {
      return new Result(false, List.of(), "an article: " + figures);
    }
    List<FeedItem> items = new ArrayList<>(n);
    for (Candidate c : byId.values()) {
      items.add(new FeedItem(c.url, metadata(c, cardOf.get(c))));
    }
    return new Result(true, items, "a listing: " + figures);
  }

  /**
   * A headline for the link (a heading in its card, else a link text of a few words) and a date.
   */
  private static ItemMetadata metadata(Candidate c, Element card) {
    String title = null;
    Element heading =
        card.is("h1, h2, h3, h4, h5, h6") ? card : card.selectFirst("h1, h2, h3, h4, h5, h6");
    if (heading != null && !heading.text().isBlank() && heading.text().length() <= MAX_TITLE) {
      title = heading.text();
    } else {
      for (Element a : c.anchors) {
        String text = a.text().strip();
        if (text.length() <= MAX_TITLE && text.split("\\s+").length >= 3) {
          title = text;
          break;
        }
      }
    }
    Element time = card.selectFirst("time[datetime]");
    String published =
        time == null || time.attr("datetime").isBlank() ? null : time.attr("datetime").strip();
    return new ItemMetadata(title, published, null);
  }

  private static boolean declaresArticle(Document doc) {
    Element og = doc.selectFirst("meta[property=og:type]");
    if (og != null && og.attr("content").toLowerCase(Locale.ROOT).startsWith("article")) {
      return true;
    }
    for (Element ld : doc.select("script[type=application/ld+json]")) {
      if (ARTICLE_LD_TYPE.matcher(ld.data()).find()) {
        return true;
      }
    }
    return false;
  }

  private static void removeFurniture(Document doc) {
    doc.select(
            "script, style, noscript, template, nav, aside, menu, dialog, [role=navigation], [role=complementary], "
                + "[role=search], [role=dialog], [hidden]")
        .remove();
    // <header> and <footer> are the page's banner and footer only outside article, main and section
    for (Element e : doc.select("header, footer, [role=banner], [role=contentinfo]")) {
      if (e.closest("article, main, section, [role=main]") == null || e.hasAttr("role")) {
        e.remove();
      }
    }
    Element body = doc.body();
    int bodyText = body.text().length();
    for (Element e : body.select("[class], [id]")) {
      if (e.parent() == null || !namedAsFurniture(e)) {
        continue; // already removed with an ancestor, or not furniture
      }
      // a wrapper named e.g. "menu-open" around the whole page is not furniture
      if (e.selectFirst("main, [role=main]") != null || e.text().length() * 2 > bodyText) {
        continue;
      }
      e.remove();
    }
  }

  private static boolean namedAsFurniture(Element e) {
    List<String> names = new ArrayList<>(e.classNames());
    if (!e.id().isEmpty()) {
      names.add(e.id());
    }
    for (String name : names) {
      String n = name.toLowerCase(Locale.ROOT);
      if (HINTS_EXACT.contains(n)) {
        return true;
      }
      for (String hint : HINTS_PREFIX) {
        if (n.startsWith(hint)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Element> contentRoots(Document doc) {
    List<Element> roots = new ArrayList<>();
    for (Element e : doc.select("main, [role=main]")) {
      if (e.parents().stream().noneMatch(p -> p.is("main, [role=main]"))) {
        roots.add(e);
      }
    }
    if (roots.isEmpty()) {
      roots.add(doc.body());
    }
    return roots;
  }

  private static boolean hasNonArticleRel(Element a) {
    for (String rel : a.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
      if (NON_ARTICLE_RELS.contains(rel)) {
        return true;
      }
    }
    return false;
  }

  /** A link well into a paragraph's text: a citation in an article, not a headline in a list. */
  private static boolean inRunningProse(Element a) {
    Element block = a.closest("p, blockquote");
    if (block == null) {
      return false;
    }
    String text = block.text();
    String anchor = a.text();
    if (anchor.isEmpty()) {
      return false;
    }
    int at = text.indexOf(anchor);
    return at >= 20 && text.length() > 2 * anchor.length() + 40;
  }
}
