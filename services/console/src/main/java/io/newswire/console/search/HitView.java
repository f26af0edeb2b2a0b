package io.newswire.console.search;

import io.quarkus.qute.RawString;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One result as the search page shows it: its title opens the cleaned article ({@code article}, the
 * console's own page), {@code link} is the original; every field but {@code snippet} is escaped by
 * the template.
 */
public record HitView(
    String title,
    String article,
    Link link,
    String source,
    String language,
    String published,
    String date,
    RawString snippet,
    List<CopyView> copies) {
  /** Another report of the hit's story: "also in: source". */
  public record CopyView(String source, Link link) {}

  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

  public static HitView of(Found.Hit hit) {
    List<CopyView> copies =
        hit.copies() == null
            ? List.of()
            : hit.copies().stream()
                .map(c -> new CopyView(orUnknown(c.source()), Link.of(c.url())))
                .toList();
    String title = hit.title() == null || hit.title().isBlank() ? "(untitled)" : hit.title();
    return new HitView(
        title,
        ArticleView.href(hit.id()),
        Link.of(hit.url()),
        orUnknown(hit.source()),
        hit.language() == null ? "" : hit.language(),
        hit.published(),
        date(hit.published()),
        Snippet.html(hit.snippet()),
        copies);
  }

  private static String orUnknown(String source) {
    return source == null || source.isBlank() ? "unknown source" : source;
  }

  /** The publication time in UTC, or as the indexer gave it when it is not an ISO-8601 time. */
  public static String date(String published) {
    if (published == null || published.isBlank()) {
      return "";
    }
    try {
      return SHOWN.format(OffsetDateTime.parse(published).withOffsetSameInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return published;
    }
  }
}
