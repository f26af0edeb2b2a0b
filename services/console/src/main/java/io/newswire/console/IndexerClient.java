package io.newswire.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.console.search.SearchState;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The indexer's {@code GET /search} and {@code GET /articles/{id}}, called with the signed-in
 * user's key.
 */
@ApplicationScoped
public class IndexerClient {
  private final ServiceCalls calls;

  public IndexerClient(ConsoleConfig config, ObjectMapper json) {
    this.calls =
        new ServiceCalls("indexer", config.indexerUrl(), "newswire.console.indexer-url", json);
  }

  /**
   * @throws IOException when the indexer does not answer, with its address and the setting to
   *     change
   */
  public Reply search(String key, String query, int from, int size, boolean exact, boolean all)
      throws IOException {
    String params =
        "q="
            + URLEncoder.encode(query, StandardCharsets.UTF_8)
            + "&from="
            + from
            + "&size="
            + size
            + "&exact="
            + exact
            + "&all="
            + all;
    return calls.send(calls.request(key, "/search?" + params).GET().build());
  }

  /**
   * One page of {@code state}'s results, with its filters and order.
   *
   * @throws IOException when the indexer does not answer, with its address and the setting to
   *     change
   */
  public Reply search(String key, SearchState state, int size) throws IOException {
    String params =
        "q="
            + URLEncoder.encode(state.query(), StandardCharsets.UTF_8)
            + "&from="
            + state.from()
            + "&size="
            + size
            + state.indexerFilters();
    return calls.send(calls.request(key, "/search?" + params).GET().build());
  }

  /** {@code GET /auth/whoami}: the name and role of {@code key}. */
  public Reply whoami(String key) throws IOException {
    return calls.send(calls.request(key, "/auth/whoami").GET().build());
  }

  /**
   * One article with its story's other copies.
   *
   * @throws IOException when the indexer does not answer, with its address and the setting to
   *     change
   */
  public Reply article(String key, String id) throws IOException {
    return calls.send(
        calls
            .request(
                key,
                "/articles/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"))
            .GET()
            .build());
  }
}
