package io.newswire.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.model.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** JSON over HTTP for the tests, with the API key of the pipeline they started. */
final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static volatile String key;

  private Http() {}

  /**
   * The key sent from now on ({@link TestPipelines} sets the pipeline's admin key); null sends
   * none.
   */
  static void useKey(String apiKey) {
    key = apiKey;
  }

  record Reply(int status, JsonNode body) {}

  static Reply get(String url) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  static Reply post(String url, String json) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * One call with {@code apiKey} instead of the pipeline's (null sends no key at all).
   *
   * @param json the body, or null for none
   */
  static Reply as(String apiKey, String method, String url, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return send(request, apiKey);
  }

  private static Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return send(request, key);
  }

  private static Reply send(HttpRequest.Builder request, String apiKey)
      throws IOException, InterruptedException {
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    HttpResponse<byte[]> response =
        CLIENT.send(
            request.timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    JsonNode body;
    try {
      body = response.body().length == 0 ? null : Json.mapper().readTree(response.body());
    } catch (IOException e) {
      body =
          Json.mapper()
              .getNodeFactory()
              .textNode(new String(response.body(), StandardCharsets.UTF_8));
    }
    return new Reply(response.statusCode(), body);
  }
}
