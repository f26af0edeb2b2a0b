package io.newswire.model;

import java.time.Instant;

/**
 * A standing alert rule, written in the same query syntax as a search.
 *
 * @param webhook URL that receives each alert as JSON, or null for none
 */
public record Rule(
    int schemaVersion, String id, String name, String query, String webhook, Instant createdAt)
    implements Versioned {

  @Override
  public int supportedSchemaVersion() {
    return SchemaVersions.RULE;
  }
}
