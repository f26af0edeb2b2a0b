package io.newswire.console.alerts;

import io.newswire.console.search.ArticleView;
import io.newswire.console.search.HitView;
import io.newswire.console.search.Link;
import io.newswire.console.search.Snippet;
import io.quarkus.qute.RawString;
import java.util.ArrayList;
import java.util.List;

/**
 * One alert as the alerts page shows it, with the copies of its story found since ("also in" their
 * source); its title opens the article's page ({@code article}), {@code link} is the original.
 * Every field but {@code snippet} is escaped by the template.
 */
public record AlertView(
    String id,
    String ruleName,
    String title,
    String article,
    Link link,
    String terms,
    RawString snippet,
    String matchedAt,
    String date,
    String source,
    List<CopyView> copies) {
  /** A later report of the alert's story; {@code of} is the alert's id. */
  public record CopyView(String of, String source, Link link) {
    public static CopyView of(Entry.Alert copy) {
      return new CopyView(copy.copyOf(), orUnknown(copy.source()), Link.of(copy.url()));
    }
  }

  public static AlertView of(Entry.Alert alert) {
    String title = alert.title() == null || alert.title().isBlank() ? "(untitled)" : alert.title();
    String terms = alert.matchedTerms() == null ? "" : String.join(", ", alert.matchedTerms());
    return new AlertView(
        alert.alertId(),
        alert.ruleName() == null ? "" : alert.ruleName(),
        title,
        ArticleView.href(alert.articleId()),
        Link.of(alert.url()),
        terms,
        Snippet.fromEscaped(alert.snippet()),
        alert.matchedAt(),
        HitView.date(alert.matchedAt()),
        orUnknown(alert.source()),
        new ArrayList<>());
  }

  private static String orUnknown(String source) {
    return source == null || source.isBlank() ? "unknown source" : source;
  }
}
