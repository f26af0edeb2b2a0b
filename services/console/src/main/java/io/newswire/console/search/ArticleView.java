package io.newswire.console.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One cleaned article as its page shows it: the indexer's {@code GET /articles/{id}} answer, its
 * text in paragraphs, the link to the original, and the other reports of its story, each opening
 * its own page. Every field is escaped by the template.
 */
public record ArticleView(
    String id,
    String title,
    String source,
    String language,
    String published,
    String date,
    List<String> authors,
    String section,
    Link link,
    String fetched,
    List<String> paragraphs,
    List<Copy> copies,
    String error) {
  /** Another report of the article's story. */
  public record Copy(String title, String source, String date, String article, Link link) {}

  /** The console's address of the article with {@code id}. */
  public static String href(String id) {
    return id == null || id.isBlank()
        ? null
        : "/articles/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public static ArticleView failed(String id, String error) {
    return new ArticleView(
        id,
        "Article not shown",
        "",
        "",
        "",
        "",
        List.of(),
        "",
        Link.of(null),
        "",
        List.of(),
        List.of(),
        error);
  }

  public static ArticleView of(JsonNode article) {
    List<String> authors = new ArrayList<>();
    article.path("authors").forEach(a -> authors.add(a.asText()));
    List<Copy> copies = new ArrayList<>();
    for (JsonNode copy : article.path("copies")) {
      copies.add(
          new Copy(
              title(copy),
              orUnknown(text(copy, "source")),
              HitView.date(text(copy, "published")),
              href(text(copy, "id")),
              Link.of(text(copy, "url"))));
    }
    String published = text(article, "published");
    return new ArticleView(
        text(article, "id"),
        title(article),
        orUnknown(text(article, "source")),
        text(article, "language"),
        published,
        HitView.date(published),
        authors,
        text(article, "section"),
        Link.of(text(article, "url")),
        HitView.date(text(article, "fetchedAt")),
        paragraphs(text(article, "text")),
        copies,
        "");
  }

  /**
   * The text split where it has blank lines, or else line breaks: the cleaner writes one paragraph
   * a line.
   */
  static List<String> paragraphs(String text) {
    String split = text.contains("\n\n") ? "\\n\\s*\\n" : "\\n";
    List<String> out = new ArrayList<>();
    for (String p : text.split(split)) {
      if (!p.isBlank()) {
        out.add(p.strip());
      }
    }
    return out;
  }

  private static String title(JsonNode node) {
    String title = text(node, "title");
    return title.isBlank() ? "(untitled)" : title;
  }

  private static String orUnknown(String source) {
    return source.isBlank() ? "unknown source" : source;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNull() || value.isMissingNode() ? "" : value.asText();
  }
}
