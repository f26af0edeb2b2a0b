package io.newswire.console.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.console.HealthClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pipeline at a glance: per service whether it is ready, how far its consumer is behind ({@code
 * lag}), what it did in the last minute and in all, its restarts and last failure; and the articles
 * indexed in the last minute, the figure an analyst watches.
 */
public record HealthView(List<Stage> stages, String articlesPerMinute, boolean allReady) {
  /**
   * One service; the numbers are text, "–" when the service does not report them (the fetcher has
   * no consumer, a stage not yet polled has no lag).
   */
  public record Stage(
      String service,
      boolean ready,
      String state,
      String lag,
      String perMinute,
      String done,
      String deadLettered,
      String restarts,
      String problem) {}

  private static final String NONE = "–";

  public static HealthView of(Map<String, HealthClient.Answer> answers) {
    List<Stage> stages = new ArrayList<>();
    String articles = NONE;
    for (HealthClient.Answer answer : answers.values()) {
      Stage stage = stage(answer);
      stages.add(stage);
      if (answer.service().equals("indexer")) {
        articles = stage.perMinute();
      }
    }
    return new HealthView(stages, articles, stages.stream().allMatch(Stage::ready));
  }

  private static Stage stage(HealthClient.Answer answer) {
    if (answer.reply() == null) {
      return new Stage(
          answer.service(),
          false,
          "not answering",
          NONE,
          NONE,
          NONE,
          NONE,
          NONE,
          answer.unreachable());
    }
    JsonNode body = answer.reply().body();
    boolean up = "UP".equals(body.path("status").asText());
    JsonNode data = body.path("checks").path(0).path("data");
    String state =
        up
            ? "ready"
            : answer.reply().status() == 503 ? "not ready" : "answered " + answer.reply().status();
    String problem = text(data, "stoppedBy");
    if (problem.equals(NONE)) {
      problem = text(data, "lastFailure");
    }
    if (problem.equals(NONE) && !up) {
      problem =
          answer.reply().status() == 503
              ? "its consumer holds no partitions yet, or it is still starting"
              : answer.reply().error();
    }
    String done = text(data, "indexed");
    for (String field : List.of("processed", "articles")) {
      if (done.equals(NONE)) {
        done = text(data, field);
      }
    }
    return new Stage(
        answer.service(),
        up,
        state,
        text(data, "lag"),
        text(data, "perMinute"),
        done,
        text(data, "deadLettered"),
        text(data, "restarts"),
        problem.equals(NONE) ? "" : problem);
  }

  private static String text(JsonNode data, String field) {
    JsonNode value = data.path(field);
    return value.isMissingNode() || value.isNull() ? NONE : value.asText();
  }
}
