package io.newswire.console.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Everything a search page shows, as its address carries it, so a link to it can be shared and reloaded:
 * {@code /?q=Lavrov&page=2&all=true&exact=true}.
 */
public record SearchState(String query, int page, boolean all, boolean exact) {
  public static final int PER_PAGE = 10;

  public SearchState {
    query = query == null ? "" : query.trim();
    page = Math.max(1, page);
  }

  public int from() {
    return (page - 1) * PER_PAGE;
  }

  /** This search's address at another page. */
  public String href(int other) {
    StringBuilder out = new StringBuilder("/?q=").append(URLEncoder.encode(query, StandardCharsets.UTF_8));
    if (other > 1) {
      out.append("&page=").append(other);
    }
    if (all) {
      out.append("&all=true");
    }
    if (exact) {
      out.append("&exact=true");
    }
    return out.toString();
  }
}
