package io.newswire.model;

import java.time.Instant;

/**
 * A standing alert rule, written in the same query syntax as a search.
 *
 * @param webhook URL that receives each alert as JSON, or null for none
 * @param webhookSecret key of the HMAC-SHA256 signature of each delivery, or null for none; never
 *     shown again after the rule is created (the rules topic is the only place that keeps it)
 * @param exact true when names match only as written, not in their other spellings ({@link
 *     NameVariants}); false (the default, and what a rule written before variants existed reads as)
 *     widens them
 */
public record Rule(
    int schemaVersion,
    String id,
    String name,
    String query,
    String webhook,
    String webhookSecret,
    Instant createdAt,
    boolean exact)
    implements Versioned {

  /** Whether matched articles are sent somewhere. */
  public boolean hasWebhook() {
    return webhook != null && !webhook.isBlank();
  }

  @Override
  public int supportedSchemaVersion() {
    return SchemaVersions.RULE;
  }
}
