package io.newswire.indexer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.model.Json;
import io.newswire.model.NameVariants;
import io.newswire.model.StemmedFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Searches the alias with the query syntax that alert rules use too: Lucene {@code query_string}
 * over title and text, and the stemmed fields of the languages that have one ({@link StemmedFields}),
 * every term required unless the query says {@code OR}.
 */
public final class Searcher {
  /**
   * One hit: the snippet has the matched terms wrapped in {@code <em>}; {@code copies} the other reports of its
   * story ({@link StoryCollapse}), empty when every copy is a hit of its own.
   */
  public record Hit(String id, String title, String url, String published, double score, String snippet,
      String source, String storyId, List<Copy> copies) {}

  /** Another report of a hit's story. */
  public record Copy(String id, String source, String url) {}

  /** The hits of one page of results, how many reports match in all ({@code total}) and in how many stories. */
  public record Result(long total, long stories, List<Hit> hits) {}

  private final Elastic es;
  private final String alias;

  public Searcher(Elastic es, String alias) {
    this.es = es;
    this.alias = alias;
  }

  /**
   * @throws IllegalArgumentException when Elasticsearch cannot parse the query, with its reason
   * @throws IOException when Elasticsearch cannot be reached
   */
  public Result search(String query, int from, int size) throws IOException {
    return search(query, true, from, size);
  }

  /**
   * @param variants whether names also match their other spellings ({@link NameVariants}), as in rules
   */
  public Result search(String query, boolean variants, int from, int size) throws IOException {
    return search(query, variants, false, from, size);
  }

  /**
   * @param all every report as a hit of its own, rather than one hit per story with its copies attached
   */
  public Result search(String query, boolean variants, boolean all, int from, int size) throws IOException {
    String run = variants ? NameVariants.expand(query).query() : query;
    ObjectNode body = body(run, from, size);
    StoryCollapse.add(body, !all);
    EsResponse response = es.call("POST", "/" + alias + "/_search", body.toString());
    if (response.status() == 400) {
      throw new IllegalArgumentException("Invalid query '" + query + "': " + response.reason());
    }
    if (!response.ok()) {
      throw new IOException("Search failed: " + response.reason());
    }
    JsonNode hits = response.body().path("hits");
    List<Hit> out = new ArrayList<>();
    for (JsonNode hit : hits.path("hits")) {
      JsonNode source = hit.path("_source");
      String snippet = snippet(hit.path("highlight"));
      out.add(new Hit(hit.path("_id").asText(), source.path("title").asText(null),
          source.path("url").asText(null), source.path("published").asText(null),
          hit.path("_score").asDouble(), snippet, source.path("source").asText(null),
          source.path(StoryCollapse.FIELD).asText(null), StoryCollapse.copies(hit)));
    }
    return new Result(hits.path("total").path("value").asLong(), StoryCollapse.stories(response.body()), out);
  }

  /**
   * The fragment that marks the most matched words: the text's, or the stemmed field's when words matched
   * through their stems too (the query says "sanction", the article "sanctioned"); the start of the text when
   * nothing in it is marked.
   */
  private static String snippet(JsonNode highlight) {
    String best = first(highlight.path("text"));
    int marks = marks(best);
    for (String language : StemmedFields.LANGUAGES) {
      String stemmed = first(highlight.path(StemmedFields.field(language)));
      if (marks(stemmed) > marks) {
        best = stemmed;
        marks = marks(stemmed);
      }
    }
    return best;
  }

  private static int marks(String fragment) {
    int n = 0;
    for (int i = fragment.indexOf("<em>"); i >= 0; i = fragment.indexOf("<em>", i + 4)) {
      n++;
    }
    return n;
  }

  private static String first(JsonNode fragments) {
    return fragments.isArray() && !fragments.isEmpty() ? fragments.get(0).asText() : "";
  }

  static ObjectNode body(String query, int from, int size) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("from", from).put("size", size).put("track_total_hits", true);
    ObjectNode qs = body.putObject("query").putObject("query_string");
    qs.put("query", query).put("default_operator", "AND");
    ArrayNode fields = qs.putArray("fields");
    fields.add("title^2").add("text");
    for (String language : StemmedFields.LANGUAGES) {
      fields.add(StemmedFields.field(language));
    }
    ObjectNode highlighted = body.putObject("highlight").putObject("fields");
    highlighted.putObject("text").put("fragment_size", 200).put("number_of_fragments", 1).put("no_match_size", 200);
    for (String language : StemmedFields.LANGUAGES) {
      highlighted.putObject(StemmedFields.field(language)).put("fragment_size", 200).put("number_of_fragments", 1);
    }
    body.withArray("_source").add("title").add("url").add("published").add("source").add(StoryCollapse.FIELD);
    return body;
  }
}
