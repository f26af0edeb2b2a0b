package io.newswire.indexer;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.model.Json;
import java.io.IOException;
import java.io.InputStream;
import org.apache.http.HttpEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * Thin JSON layer over the low-level REST client. Plain {@code application/json} works against
 * every Elasticsearch from 7.x (the embedded node) to 9.x (the compose stack), unlike the typed
 * client's versioned media type.
 */
public final class Elastic {
  private final RestClient client;

  public Elastic(RestClient client) {
    this.client = client;
  }

  /**
   * One call; an HTTP error status is returned, not thrown.
   *
   * @throws IOException when Elasticsearch cannot be reached
   */
  public EsResponse call(String method, String path, String body) throws IOException {
    Request request = new Request(method, path);
    if (body != null) {
      request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
    }
    Response response;
    try {
      response = client.performRequest(request);
    } catch (ResponseException e) {
      response = e.getResponse();
    }
    return new EsResponse(response.getStatusLine().getStatusCode(), parse(response.getEntity()));
  }

  private static JsonNode parse(HttpEntity entity) throws IOException {
    if (entity == null) {
      return null;
    }
    try (InputStream in = entity.getContent()) {
      byte[] bytes = in.readAllBytes();
      return bytes.length == 0 ? null : Json.mapper().readTree(bytes);
    }
  }
}
