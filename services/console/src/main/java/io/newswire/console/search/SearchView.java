package io.newswire.console.search;

import java.util.List;

/**
 * What the search page shows: the state it was asked for, the indexer's error if any, and one page of
 * results with links to the pages beside it ({@code prev}, {@code next} are null at either end).
 */
public record SearchView(SearchState state, String error, boolean searched, long stories, long reports,
    List<HitView> hits, String prev, String next) {

  /** The page before a search: the box and its help. */
  public static SearchView empty(SearchState state) {
    return new SearchView(state, "", false, 0, 0, List.of(), null, null);
  }

  public static SearchView failed(SearchState state, String error) {
    return new SearchView(state, error, false, 0, 0, List.of(), null, null);
  }

  /**
   * One page of {@code found}. Collapsed, a page holds ten stories, so the stories count the pages; with
   * {@code all}, the reports do.
   */
  public static SearchView of(SearchState state, Found found) {
    long shown = state.all() ? found.total() : found.stories();
    List<HitView> hits = found.hits() == null ? List.of() : found.hits().stream().map(HitView::of).toList();
    String prev = state.page() > 1 ? state.href(state.page() - 1) : null;
    String next = (long) state.page() * SearchState.PER_PAGE < shown ? state.href(state.page() + 1) : null;
    return new SearchView(state, "", true, found.stories(), found.total(), hits, prev, next);
  }
}
