package io.newswire.console.rules;

import java.util.List;

/**
 * The alerter's {@code RuleView} (RulesResource in services/alerter): a rule, what it runs ({@code
 * matches}: the query with its names widened to their other spellings), its webhook, redacted to
 * scheme and host, and what it raised: {@code alerts}, the later {@code copies} added to them, the
 * time of the last.
 */
public record Rule(
    String id,
    String name,
    String query,
    boolean exact,
    String matches,
    List<Variant> variants,
    String webhook,
    boolean signed,
    String createdAt,
    long alerts,
    long copies,
    String lastAlert) {
  /** A name the rule widened ({@code term}), with the keys its spellings share. */
  public record Variant(String term, List<String> keys) {}
}
