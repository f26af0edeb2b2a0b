package io.newswire.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fetcher's {@code /sources} (SourcesResource in services/fetcher), called with the signed-in
 * user's key: listing needs {@code reader}, adding and removing {@code editor}, and a folder source
 * {@code admin}.
 */
@ApplicationScoped
public class FetcherClient {
  private final ServiceCalls calls;

  public FetcherClient(ConsoleConfig config, ObjectMapper json) {
    this.calls =
        new ServiceCalls("fetcher", config.fetcherUrl(), "newswire.console.fetcher-url", json);
  }

  /**
   * {@code GET /sources}: a JSON list of the fetcher's SourceView, with this instance's counters.
   */
  public Reply sources(String key) throws IOException {
    return calls.send(calls.request(key, "/sources").GET().build());
  }

  /**
   * {@code POST /sources}, the body {@code ./newswire sources add} sends: 201 with the source's
   * shard, or 400/409 with {@code error} and the {@code field} to correct. A field left empty is
   * sent as null, as the CLI sends an option not given, so a feed does not get an empty path.
   */
  public Reply addSource(
      String key, String name, String type, String url, String path, String interval)
      throws IOException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("name", orNull(name));
    body.put("type", orNull(type));
    body.put("url", orNull(url));
    body.put("path", orNull(path));
    body.put("interval", orNull(interval));
    return calls.send(
        calls
            .request(key, "/sources")
            .header("Content-Type", "application/json")
            .POST(calls.jsonBody(body))
            .build());
  }

  /** {@code DELETE /sources/{name}}: 200, or 404 when no such source. */
  public Reply removeSource(String key, String name) throws IOException {
    String segment = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return calls.send(calls.request(key, "/sources/" + segment).DELETE().build());
  }

  private static String orNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
