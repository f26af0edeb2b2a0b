package io.newswire.console.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a search page shows, as its address carries it, so a link to it can be shared and
 * reloaded: {@code
 * /?q=Lavrov&page=2&all=true&exact=true&sort=newest&source=seed&language=en&since=2024-01-01}.
 * {@code source} and {@code language} repeat (any of them); {@code since} and {@code until} are
 * days of publication, both included.
 */
public record SearchState(
    String query,
    int page,
    boolean all,
    boolean exact,
    String sort,
    List<String> sources,
    List<String> languages,
    String since,
    String until) {
  public static final int PER_PAGE = 10;
  public static final String NEWEST = "newest";
  public static final String RELEVANCE = "relevance";

  public SearchState {
    query = query == null ? "" : query.trim();
    page = Math.max(1, page);
    sort = NEWEST.equalsIgnoreCase(sort == null ? "" : sort.trim()) ? NEWEST : RELEVANCE;
    sources = clean(sources);
    languages = clean(languages);
    since = day(since);
    until = day(until);
  }

  /** A search with none of the filters, best first. */
  public SearchState(String query, int page, boolean all, boolean exact) {
    this(query, page, all, exact, RELEVANCE, List.of(), List.of(), "", "");
  }

  public int from() {
    return (page - 1) * PER_PAGE;
  }

  public boolean newest() {
    return sort.equals(NEWEST);
  }

  /** Whether any filter narrows the search. */
  public boolean filtered() {
    return !sources.isEmpty() || !languages.isEmpty() || !since.isEmpty() || !until.isEmpty();
  }

  /** This search's address at another page. */
  public String href(int other) {
    return address(other, sort, sources, languages, since, until);
  }

  /**
   * The first page of this search with {@code value} of {@code field} added as a filter, or removed
   * if it is one.
   */
  public String toggle(String field, String value) {
    boolean source = field.equals("source");
    List<String> values = new ArrayList<>(source ? sources : languages);
    if (!values.remove(value)) {
      values.add(value);
    }
    return source
        ? address(1, sort, values, languages, since, until)
        : address(1, sort, sources, values, since, until);
  }

  /** Whether {@code value} of {@code field} is one of the filters. */
  public boolean has(String field, String value) {
    return (field.equals("source") ? sources : languages).contains(value);
  }

  /** The first page of this search without its date range. */
  public String withoutDates() {
    return address(1, sort, sources, languages, "", "");
  }

  /** The first page of this search in the other order. */
  public String sorted(String order) {
    return address(1, order, sources, languages, since, until);
  }

  /**
   * The indexer's {@code /search} parameters for this page (everything but the query, the page's
   * slice and the size, which the caller adds).
   */
  public String indexerFilters() {
    StringBuilder out = new StringBuilder("&exact=").append(exact).append("&all=").append(all);
    out.append("&sort=").append(sort);
    sources.forEach(s -> out.append("&source=").append(encode(s)));
    languages.forEach(l -> out.append("&language=").append(encode(l)));
    if (!since.isEmpty()) {
      out.append("&since=").append(since);
    }
    if (!until.isEmpty()) {
      out.append("&until=").append(until);
    }
    return out.toString();
  }

  private String address(
      int other,
      String order,
      List<String> withSources,
      List<String> withLanguages,
      String from,
      String to) {
    StringBuilder out = new StringBuilder("/?q=").append(encode(query));
    if (other > 1) {
      out.append("&page=").append(other);
    }
    if (all) {
      out.append("&all=true");
    }
    if (exact) {
      out.append("&exact=true");
    }
    if (NEWEST.equals(order)) {
      out.append("&sort=newest");
    }
    withSources.forEach(s -> out.append("&source=").append(encode(s)));
    withLanguages.forEach(l -> out.append("&language=").append(encode(l)));
    if (!from.isEmpty()) {
      out.append("&since=").append(from);
    }
    if (!to.isEmpty()) {
      out.append("&until=").append(to);
    }
    return out.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static List<String> clean(List<String> values) {
    return values == null
        ? List.of()
        : values.stream()
            .filter(v -> v != null && !v.isBlank())
            .map(String::trim)
            .distinct()
            .toList();
  }

  /**
   * A day as a date input sends it ({@code 2024-03-14}); anything else is dropped rather than sent
   * on.
   */
  private static String day(String value) {
    if (value == null || value.isBlank()) {
      return "";
    }
    try {
      return LocalDate.parse(value.trim()).toString();
    } catch (DateTimeParseException e) {
      return "";
    }
  }
}
