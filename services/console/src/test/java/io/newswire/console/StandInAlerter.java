package io.newswire.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The alerter's {@code /rules} and {@code /alerts} contract (RulesResource and AlertsResource in
 * services/alerter) on a loopback port. {@link StandInIndexer#KEY} is an editor; {@link
 * #READER_KEY} may list but not change rules (403 with the alerter's message); any other key is
 * unknown (401). A rule query with {@code ((} does not parse (400). The alerts are the captured
 * ones in {@code alerter/alerts.json}, and {@link #publish} adds one as the alerter would when a
 * rule matches.
 */
public class StandInAlerter extends StandIn {
  public static final String READER_KEY = "nwk_standin-reader-only";

  /**
   * The body of the last {@code POST /rules} or {@code PUT /rules/{id}}, and the path and
   * Authorization header of the last change.
   */
  public static final AtomicReference<String> LAST_POST = new AtomicReference<>("");

  public static final AtomicReference<String> LAST_CHANGE = new AtomicReference<>("");
  public static final AtomicReference<String> LAST_AUTHORIZATION = new AtomicReference<>("");

  /** How many times {@code GET /alerts} was asked, to see the live feed poll and stop. */
  public static final AtomicInteger ALERT_POLLS = new AtomicInteger();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<JsonNode> ALERTS = new CopyOnWriteArrayList<>();

  @Override
  protected String setting() {
    return "newswire.console.alerter-url";
  }

  @Override
  protected void routes(HttpServer server) throws IOException {
    try (InputStream in = StandInAlerter.class.getResourceAsStream("/alerter/alerts.json")) {
      ALERTS.clear();
      JSON.readTree(in).forEach(ALERTS::add);
    }
    server.createContext("/rules", this::rules);
    server.createContext("/alerts", this::alerts);
  }

  /**
   * Adds {@code alert} (the Alert's JSON) to the feed with the next sequence, and returns that
   * sequence.
   */
  public static synchronized long publish(String alert) throws IOException {
    long sequence = lastSequence() + 1;
    ObjectNode entry = JSON.createObjectNode().put("sequence", sequence);
    entry.set("alert", JSON.readTree(alert));
    ALERTS.add(entry);
    return sequence;
  }

  public static long lastSequence() {
    return ALERTS.stream().mapToLong(e -> e.get("sequence").asLong()).max().orElse(0);
  }

  private void rules(HttpExchange exchange) throws IOException {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    boolean editor = ("Bearer " + StandInIndexer.KEY).equals(auth);
    if (!editor && !("Bearer " + READER_KEY).equals(auth)) {
      answer(exchange, 401, "{\"error\":\"unknown API key\"}");
      return;
    }
    String method = exchange.getRequestMethod();
    if (method.equals("GET")) {
      try (InputStream in = StandInAlerter.class.getResourceAsStream("/alerter/rules.json")) {
        answer(exchange, 200, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      return;
    }
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    LAST_CHANGE.set(method + " " + exchange.getRequestURI().getRawPath());
    LAST_AUTHORIZATION.set(auth);
    if (!editor) {
      answer(
          exchange,
          403,
          "{\"error\":\"Forbidden: this call needs the editor role and the key 'standin' has"
              + " the reader role. Use a key with that role (./newswire keys add --name NAME --role editor).\"}");
    } else if (method.equals("POST") || method.equals("PUT")) {
      LAST_POST.set(body);
      String query = JSON.readTree(body).path("query").asText();
      if (query.contains("((")) {
        ObjectNode error =
            JSON.createObjectNode()
                .put("error", "Invalid rule query '" + query + "': Cannot parse");
        answer(exchange, 400, error.toString());
      } else {
        answer(exchange, method.equals("POST") ? 201 : 200, body);
      }
    } else if (method.equals("DELETE")
        && exchange.getRequestURI().getRawPath().equals("/rules/missing")) {
      answer(exchange, 404, "{\"error\":\"No rule with id missing; see GET /rules\"}");
    } else {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    }
  }

  private void alerts(HttpExchange exchange) throws IOException {
    ALERT_POLLS.incrementAndGet();
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (!("Bearer " + StandInIndexer.KEY).equals(auth) && !("Bearer " + READER_KEY).equals(auth)) {
      answer(exchange, 401, "{\"error\":\"unknown API key\"}");
      return;
    }
    String query = exchange.getRequestURI().getRawQuery();
    long after =
        query == null ? 0 : Long.parseLong(query.replaceAll(".*(?:^|&)after=([0-9]+).*", "$1"));
    ArrayNode out = JSON.createArrayNode();
    ALERTS.stream().filter(e -> e.get("sequence").asLong() > after).forEach(out::add);
    answer(exchange, 200, out.toString());
  }
}
