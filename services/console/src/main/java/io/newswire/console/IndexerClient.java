package io.newswire.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The indexer's {@code GET /search}, called with the signed-in user's key, so the indexer decides what that
 * user may read and the console holds no keys of its own.
 */
@ApplicationScoped
public class IndexerClient {
  /** What the indexer answered: its status and JSON body (a search result, or {@code {"error": ...}}). */
  public record Reply(int status, JsonNode body) {
    public boolean ok() {
      return status == 200;
    }

    /** 401 or 403: the key is unknown, revoked or lacks the reader role. */
    public boolean refused() {
      return status == 401 || status == 403;
    }

    public String error() {
      return body.path("error").asText("the indexer answered " + status);
    }
  }

  private static final Duration CONNECT = Duration.ofSeconds(2);
  /** Longer than any search should take (issue 14 asks 300 ms p95), short enough that a hung indexer shows. */
  private static final Duration ANSWER = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT).build();
  private final URI base;
  private final ObjectMapper json;

  public IndexerClient(ConsoleConfig config, ObjectMapper json) {
    this.base = config.indexerUrl();
    this.json = json;
  }

  /**
   * @throws IOException when the indexer does not answer, with its address and the setting to change
   */
  public Reply search(String key, String query, int from, int size, boolean exact, boolean all) throws IOException {
    String params = "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&from=" + from + "&size=" + size
        + "&exact=" + exact + "&all=" + all;
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/search?" + params)).timeout(ANSWER)
        .header("Authorization", "Bearer " + key).header("Accept", "application/json").GET().build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the indexer", e);
    } catch (IOException e) {
      throw new IOException("The indexer at " + base + " does not answer (" + e + "): start it, or point"
          + " newswire.console.indexer-url at it", e);
    }
    return new Reply(response.statusCode(), body(response.body()));
  }

  /** An empty object when the body is not JSON (a proxy's error page), so {@link Reply#error()} still reads. */
  private JsonNode body(byte[] bytes) {
    try {
      return json.readTree(bytes);
    } catch (IOException e) {
      return json.createObjectNode();
    }
  }
}
