package io.newswire.indexer;

import com.fasterxml.jackson.databind.JsonNode;

/** Status and parsed body of one Elasticsearch call. */
public record EsResponse(int status, JsonNode body) {
  public boolean ok() {
    return status >= 200 && status < 300;
  }

  /** Elasticsearch's own explanation of a failure, for logs and dead letters. */
  public String reason() {
    JsonNode error = body == null ? null : body.path("error");
    if (error == null || error.isMissingNode()) {
      return "HTTP " + status;
    }
    if (error.isTextual()) {
      return error.asText();
    }
    JsonNode root = error.path("root_cause").path(0);
    JsonNode source = root.isMissingNode() ? error : root;
    return source.path("type").asText("error")
        + ": "
        + source.path("reason").asText("HTTP " + status);
  }
}
