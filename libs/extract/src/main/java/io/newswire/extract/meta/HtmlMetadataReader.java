package io.newswire.extract.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads the metadata a page declares: JSON-LD first (the most deliberate), then Open Graph /
 * article / Dublin Core {@code <meta>} tags, then microdata and {@code <time>} elements. Only fills
 * what is still missing, so the order of the steps is the order of trust.
 */
public final class HtmlMetadataReader {

  /** Between the names of a metadata author list: "Jane Doe, John Roe and Ann Poe". */
  private static final Pattern AUTHOR_SPLIT = Pattern.compile("\\s*(?:,|;| and )\\s*");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "article",
          "newsarticle",
          "blogposting",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "report",
          "scholarlyarticle",
          "techarticle",
          "webpage",
          "liveblogposting");

  private static final int MAX_AUTHORS = 5;

  private HtmlMetadataReader() {}

  public static PageMetadata read(Document doc) {
    Found found = new Found();
    NodeTraversor.traverse(found, doc);
    PageMetadata meta = new PageMetadata();
    for (String json : found.jsonLd) {
      readJsonLd(json, meta);
    }
    readMetaTags(found.metas, meta);
    for (int i = 0; meta.published == null && i < found.dates.size(); i++) {
      meta.published = Dates.fromMachine(found.dates.get(i));
    }
    for (int i = 0; meta.authors.isEmpty() && i < found.authors.size(); i++) {
      meta.addAuthor(found.authors.get(i));
    }
    if (meta.language == null) {
      meta.language = LanguageDetection.normalise(found.lang);
    }
    if (meta.title == null) {
      meta.title = found.h1 != null ? found.h1 : siteless(doc.title());
    }
    return meta;
  }

  /**
   * Collects every metadata-bearing element in one walk over the document (separate selector
   * queries would walk it once each).
   */
  private static final class Found implements NodeVisitor {
    final List<String> jsonLd = new ArrayList<>();
    final List<Element> metas = new ArrayList<>();
    final List<String> dates = new ArrayList<>();
    final List<String> authors = new ArrayList<>();
    String lang;
    String h1;

    @Override
    public void head(Node node, int depth) {
      if (!(node instanceof Element el)) {
        return;
      }
      switch (el.normalName()) {
        case "html" -> lang = el.attr("lang");
        case "meta" -> {
          if (el.hasAttr("content")) {
            metas.add(el);
          }
        }
        case "script" -> {
          if (el.attr("type").equalsIgnoreCase("application/ld+json")) {
            jsonLd.add(el.data());
          }
        }
        case "time" -> {
          if (el.hasAttr("datetime")) {
            dates.add(el.attr("datetime"));
          }
        }
        case "h1" -> {
          if (h1 == null && !el.text().isBlank()) {
            h1 = el.text().trim();
          }
        }
        case "a" -> {
          if (el.attr("rel").equalsIgnoreCase("author") && authors.size() < MAX_AUTHORS) {
            authors.add(el.text());
          }
        }
        default -> {}
      }
      String itemprop = el.attr("itemprop");
      if (itemprop.equals("datePublished")) {
        dates.add(
            0,
            el.hasAttr("datetime")
                ? el.attr("datetime")
                : el.hasAttr("content") ? el.attr("content") : el.text());
      } else if (itemprop.equals("author") && authors.size() < MAX_AUTHORS) {
        Element name = el.selectFirst("[itemprop=name]");
        Element from = name != null ? name : el;
        authors.add(0, from.hasAttr("content") ? from.attr("content") : from.text());
      }
    }
  }

  private static void readMetaTags(List<Element> metas, PageMetadata meta) {
    for (Element m : metas) {
      String key =
          (m.hasAttr("property")
                  ? m.attr("property")
                  : m.hasAttr("name")
                      ? m.attr("name")
                      : m.hasAttr("itemprop") ? m.attr("itemprop") : m.attr("http-equiv"))
              .toLowerCase(Locale.ROOT);
      String value = m.attr("content").trim();
      if (value.isEmpty()) {
        continue;
      }
      switch (key) {
        case "og:title", "twitter:title", "dc.title", "headline" -> {
          if (meta.title == null) {
            meta.title = value;
          }
        }
        case "article:published_time",
            "datepublished",
            "dc.date",
            "dc.date.issued",
            "date",
            "pubdate",
            "publish-date",
            "publish_date",
            "sailthru.date",
            "parsely-pub-date",
            "og:published_time",
            "article.published",
            "publication_date",
            "dcterms.created",
            "dcterms.date" -> {
          if (meta.published == null) {
            meta.published = Dates.fromMachine(value);
          }
        }
        case "author",
            "article:author",
            "dc.creator",
            "sailthru.author",
            "parsely-author",
            "byl" -> {
          if (meta.authors.isEmpty()) {
            for (String name : AUTHOR_SPLIT.split(value)) {
              meta.addAuthor(name);
            }
          }
        }
        case "content-language", "og:locale", "dc.language", "language" -> {
          if (meta.language == null) {
            meta.language = LanguageDetection.normalise(value);
          }
        }
        case "article:section", "section", "parsely-section", "articlesection", "category" -> {
          if (meta.section == null) {
            meta.section = value;
          }
        }
        default -> {}
      }
    }
  }

  private static void readJsonLd(String json, PageMetadata meta) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return; // broken JSON-LD is common; the meta tags usually say the same
    }
    visitJsonLd(root, meta, 0);
  }

  private static void visitJsonLd(JsonNode node, PageMetadata meta, int depth) {
    if (node == null || depth > 6) {
      return;
    }
    if (node.isArray()) {
      node.forEach(n -> visitJsonLd(n, meta, depth + 1));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    visitJsonLd(node.get("@graph"), meta, depth + 1);
    if (!isArticle(node.get("@type"))) {
      return;
    }
    if (meta.title == null) {
      meta.title = text(node.get("headline"));
    }
    if (meta.published == null) {
      meta.published = Dates.fromMachine(text(node.get("datePublished")));
    }
    if (meta.section == null) {
      meta.section = text(node.get("articleSection"));
    }
    if (meta.language == null) {
      meta.language = LanguageDetection.normalise(text(node.get("inLanguage")));
    }
    JsonNode author = node.get("author");
    if (meta.authors.isEmpty() && author != null) {
      for (JsonNode a : author.isArray() ? author : JSON.createArrayNode().add(author)) {
        meta.addAuthor(a.isObject() ? text(a.get("name")) : text(a));
      }
    }
  }

  private static boolean isArticle(JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isArticle(t)) {
          return true;
        }
      }
      return false;
    }
    return ARTICLE_TYPES.contains(type.asText().toLowerCase(Locale.ROOT));
  }

  /** A string value, the first of an array, or null. */
  private static String text(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      return n.isEmpty() ? null : text(n.get(0));
    }
    String v = n.asText().trim();
    return v.isEmpty() ? null : v;
  }

  /** "Headline | Site name" → "Headline": the site name is the part after the last separator. */
  static String siteless(String title) {
    if (title == null || title.isBlank()) {
      return null;
    }
    String t = title.trim();
    for (String sep : new String[] {" | ", " - ", " — ", " – ", " :: "}) {
      int i = t.lastIndexOf(sep);
      if (i > 15) {
        return t.substring(0, i).trim();
      }
    }
    return t;
  }
}
