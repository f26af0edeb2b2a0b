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
      throw new IllegalStateException("Elasticsearch refused the index template: " + template.reason());
    }
    if (es.call("HEAD", "/_alias/" + alias, null).ok()) {
      return;
    }
    String body = "{\"aliases\":{\"" + alias + "\":{\"is_write_index\":true}}}";
    EsResponse created = es.call("PUT", "/" + initialIndex, body);
    if (created.ok()) {
      LOG.infof("Created index %s behind alias %s", initialIndex, alias);
    } else if (!created.reason().contains("resource_already_exists_exception")) {
      throw new IllegalStateException(
          "Could not create index " + initialIndex + " with alias " + alias + ": " + created.reason());
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
