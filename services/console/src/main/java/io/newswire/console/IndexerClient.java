package io.newswire.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The indexer's {@code GET /search}, called with the signed-in user's key. */
@ApplicationScoped
public class IndexerClient {
  private final ServiceCalls calls;

  public IndexerClient(ConsoleConfig config, ObjectMapper json) {
    this.calls = new ServiceCalls("indexer", config.indexerUrl(), "newswire.console.indexer-url", json);
  }

  /**
   * @throws IOException when the indexer does not answer, with its address and the setting to change
   */
  public Reply search(String key, String query, int from, int size, boolean exact, boolean all) throws IOException {
    String params = "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&from=" + from + "&size=" + size
        + "&exact=" + exact + "&all=" + all;
    return calls.send(calls.request(key, "/search?" + params).GET().build());
  }
}
