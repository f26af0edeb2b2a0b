package io.newswire.console.sources;

import java.util.List;

/**
 * What the sources page shows: the fetcher's sources, the add-source form, and {@code error} when
 * the fetcher could not list the sources or remove one (empty otherwise).
 */
public record SourcesView(List<SourceRow> sources, SourceForm form, String error) {
  /** The fetcher's source types (SourceType in services/fetcher), as the form offers them. */
  private static final List<Type> TYPES =
      List.of(
          new Type("feed", "feed: RSS, Atom or JSON Feed"),
          new Type("sitemap", "sitemap: XML sitemap or news sitemap"),
          new Type("page", "page: one page, whenever it changes"),
          new Type("site", "site: the feeds a home page advertises"),
          new Type("folder", "folder: local files (needs an admin key)"));

  /** One choice of the form's type list: the {@code value} sent and the {@code label} shown. */
  public record Type(String value, String label) {}

  public List<Type> types() {
    return TYPES;
  }

  public long failing() {
    return sources.stream().filter(SourceRow::failing).count();
  }
}
