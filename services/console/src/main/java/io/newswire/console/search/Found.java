package io.newswire.console.search;

import java.util.List;

/**
 * The indexer's {@code GET /search} answer (its {@code Searcher.Result}): {@code total} reports match, in
 * {@code stories} stories; one hit per story with its other copies, or every report when asked for all.
 */
public record Found(long total, long stories, List<Hit> hits) {
  public record Hit(String id, String title, String url, String published, double score, String snippet,
      String source, String storyId, List<Copy> copies) {}

  public record Copy(String id, String source, String url) {}
}
