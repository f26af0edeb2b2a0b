package io.newswire.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The alerter's {@code /rules} and {@code /alerts} (RulesResource and AlertsResource in
 * services/alerter), called with the signed-in user's key: listing needs {@code reader}, changing
 * rules {@code editor}.
 */
@ApplicationScoped
public class AlerterClient {
  private final ServiceCalls calls;

  public AlerterClient(ConsoleConfig config, ObjectMapper json) {
    this.calls =
        new ServiceCalls("alerter", config.alerterUrl(), "newswire.console.alerter-url", json);
  }

  /** {@code GET /rules}: a JSON list of the alerter's RuleView, webhooks already redacted. */
  public Reply rules(String key) throws IOException {
    return calls.send(calls.request(key, "/rules").GET().build());
  }

  /** {@code POST /rules}: 201 with the rule, or 400 with why its query does not parse. */
  public Reply addRule(String key, String name, String query, boolean exact) throws IOException {
    Map<String, Object> body = Map.of("name", name, "query", query, "exact", exact);
    return calls.send(
        calls
            .request(key, "/rules")
            .header("Content-Type", "application/json")
            .POST(calls.jsonBody(body))
            .build());
  }

  /**
   * {@code PUT /rules/{id}}: 200 with the changed rule, 400 with why its query does not parse, 404
   * when no such rule. The rule keeps its webhook and secret, which the console only sees redacted.
   */
  public Reply updateRule(String key, String id, String name, String query, boolean exact)
      throws IOException {
    String segment = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    Map<String, Object> body =
        Map.of("name", name, "query", query, "exact", exact, "keepWebhook", true);
    return calls.send(
        calls
            .request(key, "/rules/" + segment)
            .header("Content-Type", "application/json")
            .PUT(calls.jsonBody(body))
            .build());
  }

  /** {@code DELETE /rules/{id}}: 204, or 404 when no such rule. */
  public Reply removeRule(String key, String id) throws IOException {
    String segment = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    return calls.send(calls.request(key, "/rules/" + segment).DELETE().build());
  }

  /** {@code GET /alerts?after=N}: the recent alerts with a sequence above N, oldest first. */
  public Reply alertsAfter(String key, long after) throws IOException {
    return calls.send(calls.request(key, "/alerts?after=" + after).GET().build());
  }
}
