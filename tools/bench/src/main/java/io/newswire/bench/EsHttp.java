package io.newswire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain JSON over {@code java.net.http}: the raw baselines talk to Elasticsearch without a client
 * library.
 */
public final class EsHttp {
  /** Status and parsed body of one call. */
  public record Reply(int status, JsonNode body) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  public EsHttp(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** One call; an HTTP error status is returned, not thrown. */
  public Reply call(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(5));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      String type = path.contains("_bulk") ? "application/x-ndjson" : "application/json";
      request
          .header("Content-Type", type)
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      HttpResponse<byte[]> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      byte[] bytes = response.body();
      JsonNode json = bytes.length == 0 ? null : Json.mapper().readTree(bytes);
      return new Reply(response.statusCode(), json);
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + method + " " + path, e);
    }
  }

  /**
   * Like {@link #call} but a non-2xx status is an error naming the call and Elasticsearch's reason.
   */
  public JsonNode require(String method, String path, String body) {
    Reply reply = call(method, path, body);
    if (!reply.ok()) {
      throw new IllegalStateException(
          method + " " + path + " returned HTTP " + reply.status() + ": " + reply.body());
    }
    return reply.body();
  }
}
