package io.newswire.console.search;

import java.util.List;
import java.util.Map;

/**
 * What the search page shows: the state it was asked for, the indexer's error if any, and one page
 * of results with links to the pages beside it ({@code prev}, {@code next} are null at either end).
 */
public record SearchView(
    SearchState state,
    String error,
    boolean searched,
    long stories,
    long reports,
    List<HitView> hits,
    String prev,
    String next,
    List<FacetView> sources,
    List<FacetView> languages) {

  /**
   * One value to filter on: how many matches have it, the address that adds or removes it, whether
   * it is on.
   */
  public record FacetView(String value, long count, String href, boolean on) {}

  /** The page before a search: the box and its help. */
  public static SearchView empty(SearchState state) {
    return new SearchView(state, "", false, 0, 0, List.of(), null, null, List.of(), List.of());
  }

  public static SearchView failed(SearchState state, String error) {
    return new SearchView(state, error, false, 0, 0, List.of(), null, null, List.of(), List.of());
  }

  /**
   * One page of {@code found}. Collapsed, a page holds ten stories, so the stories count the pages;
   * with {@code all}, the reports do.
   */
  public static SearchView of(SearchState state, Found found) {
    long shown = state.all() ? found.total() : found.stories();
    List<HitView> hits =
        found.hits() == null ? List.of() : found.hits().stream().map(HitView::of).toList();
    String prev = state.page() > 1 ? state.href(state.page() - 1) : null;
    String next =
        (long) state.page() * SearchState.PER_PAGE < shown ? state.href(state.page() + 1) : null;
    return new SearchView(
        state,
        "",
        true,
        found.stories(),
        found.total(),
        hits,
        prev,
        next,
        facets(state, "source", found.facets()),
        facets(state, "language", found.facets()));
  }

  /**
   * The values of {@code field} among the matches, and every value filtered on even when no match
   * has it now, so that each filter can always be removed.
   */
  private static List<FacetView> facets(
      SearchState state, String field, Map<String, List<Found.Facet>> all) {
    List<Found.Facet> found = all == null || all.get(field) == null ? List.of() : all.get(field);
    List<FacetView> out = new java.util.ArrayList<>();
    for (Found.Facet f : found) {
      out.add(
          new FacetView(
              f.value(), f.count(), state.toggle(field, f.value()), state.has(field, f.value())));
    }
    for (String on : field.equals("source") ? state.sources() : state.languages()) {
      if (found.stream().noneMatch(f -> f.value().equals(on))) {
        out.add(new FacetView(on, 0, state.toggle(field, on), true));
      }
    }
    return out;
  }
}
