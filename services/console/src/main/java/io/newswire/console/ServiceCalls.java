package io.newswire.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One service's HTTP API as the console calls it: with the signed-in user's key as {@code
 * Authorization: Bearer}, so the service decides what that user may do and the console holds no
 * keys of its own.
 */
final class ServiceCalls {
  private static final Duration CONNECT = Duration.ofSeconds(2);

  /**
   * Longer than any call should take (issue 14 asks 300 ms p95 of search), short enough that a hung
   * service shows.
   */
  private static final Duration ANSWER = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT).build();
  private final String service;
  private final URI base;
  private final String setting;
  private final ObjectMapper json;

  /**
   * @param setting the configuration key of {@code base}, named when the service does not answer
   */
  ServiceCalls(String service, URI base, String setting, ObjectMapper json) {
    this.service = service;
    this.base = base;
    this.setting = setting;
    this.json = json;
  }

  HttpRequest.Builder request(String key, String pathAndQuery) {
    return HttpRequest.newBuilder(base.resolve(pathAndQuery))
        .timeout(ANSWER)
        .header("Authorization", "Bearer " + key)
        .header("Accept", "application/json");
  }

  HttpRequest.BodyPublisher jsonBody(Object body) throws IOException {
    return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
  }

  /**
   * @throws IOException when the service does not answer, with its address and the setting to
   *     change
   */
  Reply send(HttpRequest request) throws IOException {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the " + service, e);
    } catch (IOException e) {
      throw new IOException(
          "The "
              + service
              + " at "
              + base
              + " does not answer ("
              + e
              + "): start it, or point "
              + setting
              + " at it",
          e);
    }
    return new Reply(service, response.statusCode(), body(response.body()));
  }

  /**
   * An empty object when the body is not JSON (a proxy's error page, a 204), so {@link
   * Reply#error()} still reads.
   */
  private JsonNode body(byte[] bytes) {
    try {
      JsonNode node = bytes.length == 0 ? null : json.readTree(bytes);
      return node == null ? json.createObjectNode() : node;
    } catch (IOException e) {
      return json.createObjectNode();
    }
  }
}
