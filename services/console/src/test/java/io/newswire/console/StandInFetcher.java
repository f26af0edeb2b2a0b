package io.newswire.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fetcher's {@code /sources} contract (SourcesResource in services/fetcher) on a loopback port.
 * {@link StandInIndexer#KEY} is an editor, not an admin, so a folder source is refused 403 with the
 * fetcher's message; {@link #READER_KEY} may list but not change sources; any other key is unknown
 * (401). A body is refused 400 with {@code error} and {@code field} as the fetcher refuses it: no
 * name, an unknown type, an address that is not http or https, an interval that is not a duration;
 * a name listed is refused 409. The list is {@code fetcher/sources.json}, the shape of the
 * fetcher's SourceView.
 */
public class StandInFetcher extends StandIn {
  public static final String READER_KEY = "nwk_standin-reader-only";

  /**
   * The body of the last {@code POST /sources}, and the method, raw path and Authorization of the
   * last change.
   */
  public static final AtomicReference<String> LAST_POST = new AtomicReference<>("");

  public static final AtomicReference<String> LAST_CHANGE = new AtomicReference<>("");
  public static final AtomicReference<String> LAST_AUTHORIZATION = new AtomicReference<>("");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TYPES = Set.of("folder", "feed", "sitemap", "page", "site");

  @Override
  protected String setting() {
    return "newswire.console.fetcher-url";
  }

  @Override
  protected void routes(HttpServer server) throws IOException {
    server.createContext("/sources", this::sources);
  }

  private void sources(HttpExchange exchange) throws IOException {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    boolean editor = ("Bearer " + StandInIndexer.KEY).equals(auth);
    if (!editor && !("Bearer " + READER_KEY).equals(auth)) {
      answer(exchange, 401, "{\"error\":\"unknown API key\"}");
      return;
    }
    String method = exchange.getRequestMethod();
    if (method.equals("GET")) {
      answer(exchange, 200, listed());
      return;
    }
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    LAST_CHANGE.set(method + " " + exchange.getRequestURI().getRawPath());
    LAST_AUTHORIZATION.set(auth);
    if (!editor) {
      answer(
          exchange,
          403,
          error(
              "Forbidden: this call needs the editor role and the key 'standin' has the reader"
                  + " role. Use a key with that role (./newswire keys add --name NAME --role editor)."));
    } else if (method.equals("POST")) {
      LAST_POST.set(body);
      add(exchange, JSON.readTree(body));
    } else if (method.equals("DELETE")
        && exchange.getRequestURI().getRawPath().equals("/sources/missing")) {
      answer(exchange, 404, error("no source named 'missing'"));
    } else {
      String name = exchange.getRequestURI().getPath().substring("/sources/".length());
      answer(exchange, 200, JSON.createObjectNode().put("removed", name).toString());
    }
  }

  private void add(HttpExchange exchange, JsonNode body) throws IOException {
    String name = body.path("name").asText("");
    String type = body.path("type").asText("");
    String url = body.path("url").asText("");
    String interval = body.path("interval").asText("");
    if (name.isBlank()) {
      answer(exchange, 400, refused("a source needs a name", "name"));
    } else if (!TYPES.contains(type)) {
      answer(
          exchange,
          400,
          refused(
              "unknown source type '"
                  + type
                  + "' (expected folder, feed, sitemap, page or"
                  + " site)",
              "type"));
    } else if (!interval.isEmpty() && !interval.matches("[0-9]+(ms|s|m|h|d)")) {
      answer(
          exchange,
          400,
          refused(
              "interval '" + interval + "' is not a duration such as 90s, 10m, 2h or 1d",
              "interval"));
    } else if (type.equals("folder")) {
      answer(
          exchange,
          403,
          error(
              "A folder source needs the admin role; the key 'standin' has the editor role."
                  + " Use a key with that role (./newswire keys add --name NAME --role admin)."));
    } else if (!url.startsWith("http://") && !url.startsWith("https://")) {
      answer(
          exchange,
          400,
          refused("source '" + name + "': url must be http or https, was '" + url + "'", "url"));
    } else if (listedNames().contains(name)) {
      answer(exchange, 409, refused("a source named '" + name + "' exists", "name"));
    } else {
      answer(
          exchange,
          201,
          JSON.createObjectNode()
              .put("added", name)
              .put("shard", URI.create(url).getHost())
              .toString());
    }
  }

  private static String listed() throws IOException {
    try (InputStream in = StandInFetcher.class.getResourceAsStream("/fetcher/sources.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Set<String> listedNames() throws IOException {
    Set<String> names = new HashSet<>();
    JSON.readTree(listed()).forEach(source -> names.add(source.get("name").asText()));
    return names;
  }

  private static String error(String message) {
    return JSON.createObjectNode().put("error", message).toString();
  }

  private static String refused(String message, String field) {
    ObjectNode node = JSON.createObjectNode().put("error", message).put("field", field);
    return node.toString();
  }
}
