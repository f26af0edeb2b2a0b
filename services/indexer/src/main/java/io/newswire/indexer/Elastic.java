package io.newswire.indexer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.model.Json;
import java.io.IOException;
import java.io.InputStream;
import org.apache.http.HttpEntity;
import org.apache.http.entity.ByteArrayEntity;
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
    return perform(request);
  }

  /**
   * One call with {@code length} bytes of {@code body} from {@code offset}, already JSON in UTF-8;
   * an HTTP error status is returned, not thrown.
   *
   * @throws IOException when Elasticsearch cannot be reached
   */
  public EsResponse call(String method, String path, byte[] body, int offset, int length)
      throws IOException {
    Request request = new Request(method, path);
    request.setEntity(new ByteArrayEntity(body, offset, length, ContentType.APPLICATION_JSON));
    return perform(request);
  }

  private EsResponse perform(Request request) throws IOException {
    Response response;
    try {
      response = client.performRequest(request);
    } catch (ResponseException e) {
      response = e.getResponse();
    }
    int status = response.getStatusLine().getStatusCode();
    return new EsResponse(status, parse(response.getEntity(), status >= 200 && status < 300));
  }

  /**
   * The body as JSON; null when empty, or when the body of an error is not JSON (the HTML page of a
   * proxy in front of Elasticsearch), so that its status still counts.
   */
  private static JsonNode parse(HttpEntity entity, boolean ok) throws IOException {
    if (entity == null) {
      return null;
    }
    byte[] bytes;
    try (InputStream in = entity.getContent()) {
      bytes = in.readAllBytes();
    }
    try {
      return bytes.length == 0 ? null : Json.mapper().readTree(bytes);
    } catch (JsonProcessingException e) {
      if (ok) {
        throw e;
      }
      return null;
    }
  }
}
