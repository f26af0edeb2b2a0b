package io.newswire.indexer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * Puts the index template and, when the alias is missing, creates the first versioned index behind
 * it. Unknown fields are kept in {@code _source} but never indexed ({@code dynamic: false}), so odd
 * input cannot blow up the mapping.
 */
public final class IndexSetup {
  private static final Logger LOG = Logger.getLogger(IndexSetup.class);
  static final String TEMPLATE_NAME = "newswire";
  static final String TEMPLATE_RESOURCE = "/elasticsearch/newswire-template.json";

  private IndexSetup() {}

  /**
   * @throws IOException when Elasticsearch cannot be reached
   * @throws IllegalStateException when Elasticsearch refuses the template or the index
   */
  public static void ensure(Elastic es, String alias, String initialIndex) throws IOException {
    EsResponse template = es.call("PUT", "/_index_template/" + TEMPLATE_NAME, template());
    if (!template.ok()) {
      throw new IllegalStateException(
          "Elasticsearch refused the index template: " + template.reason());
    }
    if (es.call("HEAD", "/_alias/" + alias, null).ok()) {
      addStoryFields(es, alias);
      return;
    }
    String body = "{\"aliases\":{\"" + alias + "\":{\"is_write_index\":true}}}";
    EsResponse created = es.call("PUT", "/" + initialIndex, body);
    if (created.ok()) {
      LOG.infof("Created index %s behind alias %s", initialIndex, alias);
    } else if (!created.reason().contains("resource_already_exists_exception")) {
      throw new IllegalStateException(
          "Could not create index "
              + initialIndex
              + " with alias "
              + alias
              + ": "
              + created.reason());
    }
  }

  /**
   * Gives an index created before stories (issue 13) their fields, and each of its articles its own
   * id as story, as a new one would have: the template only shapes new indices, and a search
   * collapsing on the story would show all articles without one as a single hit. The backfill runs
   * in the background; an article it touches gets one above its external version, which a replay of
   * the same fetch (409) leaves alone.
   */
  static void addStoryFields(Elastic es, String alias) throws IOException {
    EsResponse mapping =
        es.call(
            "PUT",
            "/" + alias + "/_mapping",
            "{\"properties\":{\"storyId\":{\"type\":\"keyword\"},\"duplicateOf\":{\"type\":\"keyword\"},"
                // the name keys (issue 13) too, so articles indexed from now on match names in
                // other spellings
                + "\"names\":{\"type\":\"text\",\"analyzer\":\"whitespace\",\"index_options\":\"docs\",\"norms\":false}}}");
    if (!mapping.ok()) {
      throw new IllegalStateException(
          "Elasticsearch refused the story fields on " + alias + ": " + mapping.reason());
    }
    EsResponse backfill =
        es.call(
            "POST",
            "/"
                + alias
                + "/_update_by_query?conflicts=proceed&refresh=true&wait_for_completion=false",
            "{\"query\":{\"bool\":{\"must_not\":{\"exists\":{\"field\":\"storyId\"}}}},"
                + "\"script\":{\"lang\":\"painless\",\"source\":\"ctx._source.storyId = ctx._id\"}}");
    if (!backfill.ok()) {
      LOG.warnf(
          "Articles indexed before stories keep no story id, so a search shows them as one hit: %s",
          backfill.reason());
    }
  }

  static String template() {
    try (InputStream in = IndexSetup.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
