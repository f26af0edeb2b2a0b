package io.newswire.indexer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One hit per story (issue 13): the search collapses on {@code storyId} (Elasticsearch field
 * collapsing, on 7.10 as on 9.x), the other copies of each story come along as inner hits, and a
 * {@code cardinality} aggregation counts the stories beside the reports. Exact up to its precision
 * threshold of 3,000 stories, within a few percent above.
 */
final class StoryCollapse {
  static final String FIELD = "storyId";

  /**
   * Copies listed with a hit; a story with more says so in its count of reports, not in the list.
   */
  static final int COPIES = 10;

  private static final String INNER = "copies";
  private static final String COUNT = "stories";

  private StoryCollapse() {}

  /**
   * Counts the stories of a search; with {@code collapse}, also lists one hit per story with its
   * copies.
   */
  static void add(ObjectNode body, boolean collapse) {
    ObjectNode aggs = body.has("aggs") ? (ObjectNode) body.get("aggs") : body.putObject("aggs");
    aggs.putObject(COUNT)
        .putObject("cardinality")
        .put("field", FIELD)
        .put("precision_threshold", 3000);
    if (collapse) {
      ObjectNode inner = body.putObject("collapse").put("field", FIELD).putObject("inner_hits");
      inner.put("name", INNER).put("size", COPIES + 1);
      inner
          .putArray("sort")
          .addObject()
          .putObject("fetchedAt")
          .put("order", "asc")
          .put("unmapped_type", "date");
      inner.putArray("_source").add("source").add("url");
    }
  }

  static long stories(JsonNode response) {
    return response.path("aggregations").path(COUNT).path("value").asLong();
  }

  /**
   * The other copies of a collapsed hit's story, earliest first; none when the search was not
   * collapsed.
   */
  static List<Searcher.Copy> copies(JsonNode hit) {
    List<Searcher.Copy> out = new ArrayList<>();
    String id = hit.path("_id").asText();
    for (JsonNode copy : hit.path("inner_hits").path(INNER).path("hits").path("hits")) {
      if (!id.equals(copy.path("_id").asText()) && out.size() < COPIES) {
        JsonNode source = copy.path("_source");
        out.add(
            new Searcher.Copy(
                copy.path("_id").asText(),
                source.path("source").asText(null),
                source.path("url").asText(null)));
      }
    }
    return out;
  }
}
