package io.newswire.console.search;

import java.util.List;
import java.util.Map;

/**
 * The indexer's {@code GET /search} answer (its {@code Searcher.Result}): {@code total} reports
 * match, in {@code stories} stories; one hit per story with its other copies, or every report when
 * asked for all; the most frequent sources and languages of all matches under {@code facets}.
 */
public record Found(long total, long stories, List<Hit> hits, Map<String, List<Facet>> facets) {
  public record Hit(
      String id,
      String title,
      String url,
      String published,
      double score,
      String snippet,
      String source,
      String storyId,
      List<Copy> copies,
      String language) {}

  public record Facet(String value, long count) {}

  public record Copy(String id, String source, String url) {}
}
