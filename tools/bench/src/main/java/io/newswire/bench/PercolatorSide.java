package io.newswire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.model.CleanArticle;
import io.newswire.model.Json;
import io.newswire.model.NameKeys;
import io.newswire.model.NameVariants;
import io.newswire.model.StemmedFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The same rules in an Elasticsearch percolator index: each one a {@code query_string} over {@code
 * title}, {@code text} and the stemmed fields with {@code default_operator: AND}, exactly what a
 * search with that text runs, with the fields mapped and analysed as the index template does.
 */
public final class PercolatorSide {
  private static final int REGISTER_BATCH = 1000;
  private static final String TEMPLATE = "/elasticsearch/newswire-template.json";

  private final EsHttp es;
  private final String index;
  private final Map<String, String> rejected = new LinkedHashMap<>();
  private final boolean variants;

  /**
   * Creates the index (replacing one of that name) and registers every rule.
   *
   * @param variants whether names match their other spellings, as a search does unless told {@code
   *     exact}
   */
  public PercolatorSide(EsHttp es, String index, List<Rules.Line> rules, boolean variants) {
    this.es = es;
    this.index = index;
    this.variants = variants;
    es.call("DELETE", "/" + index, null);
    es.require("PUT", "/" + index, indexBody().toString());
    for (int from = 0; from < rules.size(); from += REGISTER_BATCH) {
      register(rules.subList(from, Math.min(rules.size(), from + REGISTER_BATCH)));
    }
    es.require("POST", "/" + index + "/_refresh", null);
  }

  /**
   * The index template's analysis and text fields (read from the indexer's copy of the template, so
   * the two cannot drift), with the percolator field beside them.
   */
  private static ObjectNode indexBody() {
    JsonNode template;
    try (var in = PercolatorSide.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException(
            TEMPLATE + " is not on the classpath (it comes with the indexer)");
      }
      template = Json.mapper().readTree(in).path("template");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    ObjectNode body = Json.mapper().createObjectNode();
    body.putObject("settings")
        .put("number_of_shards", 1)
        .put("number_of_replicas", 0)
        .put("refresh_interval", -1)
        .set("analysis", template.path("settings").path("analysis"));
    ObjectNode properties =
        body.putObject("mappings").put("dynamic", false).putObject("properties");
    properties.putObject("query").put("type", "percolator");
    template
        .path("mappings")
        .path("properties")
        .fields()
        .forEachRemaining(
            field -> {
              if (field.getKey().equals("title")
                  || field.getKey().equals("text")
                  || field.getKey().startsWith("stem_")
                  || field.getKey().equals(NameKeys.FIELD)) {
                properties.set(field.getKey(), field.getValue());
              }
            });
    return body;
  }

  private void register(List<Rules.Line> batch) {
    StringBuilder body = new StringBuilder();
    for (Rules.Line rule : batch) {
      ObjectNode action = Json.mapper().createObjectNode();
      action.putObject("index").put("_index", index).put("_id", rule.id());
      ObjectNode doc = Json.mapper().createObjectNode();
      ObjectNode qs = doc.putObject("query").putObject("query_string");
      qs.put("query", variants ? NameVariants.expand(rule.query()).query() : rule.query())
          .put("default_operator", "AND");
      ArrayNode fields = qs.putArray("fields").add("title").add("text");
      StemmedFields.LANGUAGES.forEach(language -> fields.add(StemmedFields.field(language)));
      body.append(action).append('\n').append(doc).append('\n');
    }
    JsonNode reply = es.require("POST", "/_bulk", body.toString());
    for (JsonNode item : reply.path("items")) {
      JsonNode result = item.path("index");
      if (result.has("error")) {
        JsonNode error = result.path("error");
        JsonNode cause = error.path("caused_by");
        rejected.put(
            result.path("_id").asText(),
            error.path("type").asText()
                + ": "
                + (cause.isMissingNode()
                    ? error.path("reason").asText()
                    : cause.path("reason").asText()));
      }
    }
  }

  /** Rule id to Elasticsearch's reason, for rules it would not register. */
  public Map<String, String> rejected() {
    return rejected;
  }

  /**
   * The ids of the rules matching each article, in the order given: one percolate request for all.
   */
  public List<Set<String>> match(List<CleanArticle> articles) {
    ObjectNode request = Json.mapper().createObjectNode();
    request.put("size", 10_000).put("_source", false);
    ObjectNode percolate = request.putObject("query").putObject("percolate");
    percolate.put("field", "query");
    ArrayNode docs = percolate.putArray("documents");
    for (CleanArticle a : articles) {
      ObjectNode doc =
          docs.addObject().put("title", nullToEmpty(a.title())).put("text", nullToEmpty(a.text()));
      String stemmed = StemmedFields.fieldFor(a.language());
      if (stemmed != null) {
        doc.putArray(stemmed).add(nullToEmpty(a.title())).add(nullToEmpty(a.text()));
      }
      doc.put(NameKeys.FIELD, NameKeys.field(a.language(), a.title(), a.text()));
    }
    JsonNode reply = es.require("POST", "/" + index + "/_search", request.toString());
    List<Set<String>> out = new ArrayList<>(articles.size());
    for (int i = 0; i < articles.size(); i++) {
      out.add(new TreeSet<>());
    }
    JsonNode hits = reply.path("hits").path("hits");
    for (JsonNode hit : hits) {
      JsonNode slots = hit.path("fields").path("_percolator_document_slot");
      if (slots.isMissingNode() && articles.size() == 1) {
        out.get(0).add(hit.path("_id").asText());
      }
      for (JsonNode slot : slots) {
        out.get(slot.asInt()).add(hit.path("_id").asText());
      }
    }
    if (hits.size() >= 10_000) {
      throw new IllegalStateException(
          "more than 10,000 percolator hits in one request; use smaller batches");
    }
    return out;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
