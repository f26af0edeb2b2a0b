package io.newswire.console;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a service answered the console: its status and JSON body (the answer, or {@code {"error":
 * ...}}, the shape every Newswire API gives its errors in).
 */
public record Reply(String service, int status, JsonNode body) {
  public boolean ok() {
    return status >= 200 && status < 300;
  }

  /** 401 or 403: the key is unknown, revoked or lacks the role the call needs. */
  public boolean refused() {
    return status == 401 || status == 403;
  }

  public String error() {
    return body.path("error").asText("the " + service + " answered " + status);
  }
}
