package io.newswire.indexer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.model.Json;
import io.newswire.model.NameVariants;
import io.newswire.model.StemmedFields;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Searches the alias with the query syntax that alert rules use too: Lucene {@code query_string}
 * over title and text, and the stemmed fields of the languages that have one ({@link
 * StemmedFields}), every term required unless the query says {@code OR}; narrowed by {@link
 * Filters}, by relevance or newest first ({@link Order}), with the sources and languages of all
 * matches counted ({@code facets}) so a screen can offer them as filters.
 */
public final class Searcher {
  /**
   * One hit: the snippet has the matched terms wrapped in {@code <em>}; {@code copies} the other
   * reports of its story ({@link StoryCollapse}), empty when every copy is a hit of its own.
   */
  public record Hit(
      String id,
      String title,
      String url,
      String published,
      double score,
      String snippet,
      String source,
      String storyId,
      List<Copy> copies,
      String language) {}

  /** Another report of a hit's story. */
  public record Copy(String id, String source, String url) {}

  /** How many matching reports have one value of a field. */
  public record Facet(String value, long count) {}

  /**
   * The hits of one page of results, how many reports match in all ({@code total}) and in how many
   * stories, and the most frequent values of {@link #FACETS} among all the matches, most frequent
   * first.
   */
  public record Result(long total, long stories, List<Hit> hits, Map<String, List<Facet>> facets) {}

  /** The fields whose values a result counts, for a screen to filter on. */
  public static final List<String> FACETS = List.of("source", "language");

  private static final int FACET_VALUES = 20;

  /** The order of the hits. */
  public enum Order {
    /** Best match first (title matches count twice); ties newest first. */
    RELEVANCE,
    /** Newest publication time first; reports without one last, by when they were fetched. */
    NEWEST;

    /**
     * @throws IllegalArgumentException for a name that is neither, saying which there are
     */
    public static Order parse(String name) {
      if (name == null || name.isBlank()) {
        return RELEVANCE;
      }
      for (Order order : values()) {
        if (order.name().equalsIgnoreCase(name.trim())) {
          return order;
        }
      }
      throw new IllegalArgumentException(
          "Unknown sort '" + name + "': use sort=relevance or sort=newest");
    }
  }

  /**
   * What the hits must also be: from one of {@code sources} and in one of {@code languages} (each
   * ignored when empty), published at or after {@code since} and at or before {@code until} (each
   * ignored when null). A date without a time covers its whole day (UTC), so {@code
   * until=2019-05-01} includes that day.
   */
  public record Filters(List<String> sources, List<String> languages, String since, String until) {
    public static final Filters NONE = new Filters(List.of(), List.of(), null, null);

    /**
     * @throws IllegalArgumentException when {@code since} or {@code until} is not an ISO-8601 date
     *     or time
     */
    public Filters {
      sources = clean(sources);
      languages = clean(languages);
      since = time("since", since);
      until = time("until", until);
    }

    boolean any() {
      return !sources.isEmpty() || !languages.isEmpty() || since != null || until != null;
    }

    private static List<String> clean(List<String> values) {
      return values == null
          ? List.of()
          : values.stream().map(String::trim).filter(v -> !v.isEmpty()).distinct().toList();
    }

    private static String time(String name, String value) {
      if (value == null || value.isBlank()) {
        return null;
      }
      String v = value.trim();
      try {
        return v.length() == 10
            ? LocalDate.parse(v).toString()
            : OffsetDateTime.parse(v).toString();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            name + "=" + v + " is not a date: write it as 2019-05-01 or" + " 2019-05-01T12:00:00Z");
      }
    }
  }

  /** One search: the query and how to run it. */
  public record Request(
      String query,
      boolean variants,
      boolean all,
      Filters filters,
      Order order,
      int from,
      int size) {
    public Request {
      filters = filters == null ? Filters.NONE : filters;
      order = order == null ? Order.RELEVANCE : order;
    }
  }

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
   * @param variants whether names also match their other spellings ({@link NameVariants}), as in
   *     rules
   */
  public Result search(String query, boolean variants, int from, int size) throws IOException {
    return search(query, variants, false, from, size);
  }

  /**
   * @param all every report as a hit of its own, rather than one hit per story with its copies
   *     attached
   */
  public Result search(String query, boolean variants, boolean all, int from, int size)
      throws IOException {
    return search(new Request(query, variants, all, Filters.NONE, Order.RELEVANCE, from, size));
  }

  /**
   * @throws IllegalArgumentException when Elasticsearch cannot parse the query, with its reason
   * @throws IOException when Elasticsearch cannot be reached
   */
  public Result search(Request request) throws IOException {
    String run =
        request.variants() ? NameVariants.expand(request.query()).query() : request.query();
    ObjectNode body = body(run, request.filters(), request.order(), request.from(), request.size());
    StoryCollapse.add(body, !request.all());
    EsResponse response = es.call("POST", "/" + alias + "/_search", body.toString());
    if (response.status() == 400) {
      throw new IllegalArgumentException(
          "Invalid query '" + request.query() + "': " + response.reason());
    }
    if (!response.ok()) {
      throw new IOException("Search failed: " + response.reason());
    }
    JsonNode hits = response.body().path("hits");
    List<Hit> out = new ArrayList<>();
    for (JsonNode hit : hits.path("hits")) {
      JsonNode source = hit.path("_source");
      String snippet = snippet(hit.path("highlight"));
      out.add(
          new Hit(
              hit.path("_id").asText(),
              source.path("title").asText(null),
              source.path("url").asText(null),
              source.path("published").asText(null),
              hit.path("_score").asDouble(),
              snippet,
              source.path("source").asText(null),
              source.path(StoryCollapse.FIELD).asText(null),
              StoryCollapse.copies(hit),
              source.path("language").asText(null)));
    }
    return new Result(
        hits.path("total").path("value").asLong(),
        StoryCollapse.stories(response.body()),
        out,
        facets(response.body().path("aggregations")));
  }

  /** The fields of a stored article that are kept for the search itself, not shown. */
  private static final List<String> INTERNAL = List.of("names", "stem_*");

  /**
   * One article as stored, without the fields kept for searching, with the other reports of its
   * story under {@code copies} (id, source, url, title, published; earliest fetched first, at most
   * 50).
   *
   * @return empty when no article has the id
   * @throws IOException when Elasticsearch cannot be reached or fails
   */
  public Optional<ObjectNode> article(String id) throws IOException {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("size", 1);
    body.putObject("query").putObject("ids").putArray("values").add(id);
    INTERNAL.forEach(body.putObject("_source").putArray("excludes")::add);
    JsonNode hits = searchHits(body);
    if (hits.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode article = ((ObjectNode) hits.get(0).path("_source")).deepCopy();
    article.put("id", hits.get(0).path("_id").asText());
    ArrayNode copies = article.putArray("copies");
    String story = article.path(StoryCollapse.FIELD).asText("");
    if (!story.isEmpty()) {
      ObjectNode others = Json.mapper().createObjectNode();
      others.put("size", 50);
      ObjectNode bool = others.putObject("query").putObject("bool");
      bool.putArray("filter").addObject().putObject("term").put(StoryCollapse.FIELD, story);
      bool.putArray("must_not").addObject().putObject("ids").putArray("values").add(id);
      others
          .putArray("sort")
          .addObject()
          .putObject("fetchedAt")
          .put("order", "asc")
          .put("unmapped_type", "date");
      others.putArray("_source").add("source").add("url").add("title").add("published");
      for (JsonNode copy : searchHits(others)) {
        ObjectNode c = copies.addObject().put("id", copy.path("_id").asText());
        copy.path("_source").fields().forEachRemaining(f -> c.set(f.getKey(), f.getValue()));
      }
    }
    return Optional.of(article);
  }

  private JsonNode searchHits(ObjectNode body) throws IOException {
    EsResponse response = es.call("POST", "/" + alias + "/_search", body.toString());
    if (!response.ok()) {
      throw new IOException("Search failed: " + response.reason());
    }
    return response.body().path("hits").path("hits");
  }

  private static Map<String, List<Facet>> facets(JsonNode aggregations) {
    Map<String, List<Facet>> out = new LinkedHashMap<>();
    for (String field : FACETS) {
      List<Facet> values = new ArrayList<>();
      for (JsonNode bucket : aggregations.path(field).path("buckets")) {
        values.add(new Facet(bucket.path("key").asText(), bucket.path("doc_count").asLong()));
      }
      out.put(field, values);
    }
    return out;
  }

  /**
   * The fragment that marks the most matched words: the text's, or the stemmed field's when words
   * matched through their stems too (the query says "sanction", the article "sanctioned"); the
   * start of the text when nothing in it is marked.
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
    return body(query, Filters.NONE, Order.RELEVANCE, from, size);
  }

  static ObjectNode body(String query, Filters filters, Order order, int from, int size) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("from", from).put("size", size).put("track_total_hits", true);
    ObjectNode bool = body.putObject("query").putObject("bool");
    ObjectNode qs = bool.putArray("must").addObject().putObject("query_string");
    if (filters.any()) {
      ArrayNode filter = bool.putArray("filter");
      if (!filters.sources().isEmpty()) {
        ArrayNode values = filter.addObject().putObject("terms").putArray("source");
        filters.sources().forEach(values::add);
      }
      if (!filters.languages().isEmpty()) {
        ArrayNode values = filter.addObject().putObject("terms").putArray("language");
        filters.languages().forEach(values::add);
      }
      if (filters.since() != null || filters.until() != null) {
        ObjectNode range = filter.addObject().putObject("range").putObject("published");
        if (filters.since() != null) {
          range.put("gte", filters.since());
        }
        if (filters.until() != null) {
          // a day alone rounds up to its end, so the day is included
          range.put(
              "lte", filters.until().length() == 10 ? filters.until() + "||/d" : filters.until());
        }
      }
    }
    ArrayNode sort = body.putArray("sort");
    if (order == Order.NEWEST) {
      body.put("track_scores", true);
      sort.addObject()
          .putObject("published")
          .put("order", "desc")
          .put("missing", "_last")
          .put("unmapped_type", "date");
    } else {
      sort.add("_score");
      sort.addObject()
          .putObject("published")
          .put("order", "desc")
          .put("missing", "_last")
          .put("unmapped_type", "date");
    }
    sort.addObject().putObject("fetchedAt").put("order", "desc").put("unmapped_type", "date");
    ObjectNode aggs = body.putObject("aggs");
    for (String field : FACETS) {
      aggs.putObject(field).putObject("terms").put("field", field).put("size", FACET_VALUES);
    }
    qs.put("query", query).put("default_operator", "AND");
    ArrayNode fields = qs.putArray("fields");
    fields.add("title^2").add("text");
    for (String language : StemmedFields.LANGUAGES) {
      fields.add(StemmedFields.field(language));
    }
    ObjectNode highlighted = body.putObject("highlight").putObject("fields");
    highlighted
        .putObject("text")
        .put("fragment_size", 200)
        .put("number_of_fragments", 1)
        .put("no_match_size", 200);
    for (String language : StemmedFields.LANGUAGES) {
      highlighted
          .putObject(StemmedFields.field(language))
          .put("fragment_size", 200)
          .put("number_of_fragments", 1);
    }
    body.withArray("_source")
        .add("title")
        .add("url")
        .add("published")
        .add("source")
        .add("language")
        .add(StoryCollapse.FIELD);
    return body;
  }
}
