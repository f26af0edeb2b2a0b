package io.newswire.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Map;

/**
 * The cleaner's {@code /dead-letters} (DeadLettersResource in services/cleaner), every stage's dead
 * letters, called with the signed-in user's key: listing needs {@code reader}, replaying {@code
 * admin}.
 */
@ApplicationScoped
public class CleanerClient {
  private final ServiceCalls calls;

  public CleanerClient(ConsoleConfig config, ObjectMapper json) {
    this.calls =
        new ServiceCalls("cleaner", config.cleanerUrl(), "newswire.console.cleaner-url", json);
  }

  /**
   * {@code GET /dead-letters?last=N}: per DLQ topic its count, its letters by stage and reason, its
   * N newest.
   */
  public Reply deadLetters(String key, int last) throws IOException {
    return calls.send(calls.request(key, "/dead-letters?last=" + last).GET().build());
  }

  /**
   * {@code POST /dead-letters/replay}: 200 with how many letters of {@code topic} went back and why
   * others did not, 403 without the admin role, 404 when there is no such topic.
   */
  public Reply replay(String key, String topic) throws IOException {
    return calls.send(
        calls
            .request(key, "/dead-letters/replay")
            .header("Content-Type", "application/json")
            .POST(calls.jsonBody(Map.of("topic", topic)))
            .build());
  }
}
