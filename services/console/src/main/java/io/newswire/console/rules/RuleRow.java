package io.newswire.console.rules;

import io.newswire.console.search.HitView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One rule as the rules page shows it; {@code runs} is null when the rule runs its query as written (exact,
 * or no name in it has other spellings), and {@code webhook} is empty when it has none.
 */
public record RuleRow(String id, String name, String query, boolean exact, String runs, String webhook,
    boolean signed, String created) {

  /** Where the rule's delete button posts; an id may be any text the API was given, so it is encoded. */
  public String deletePath() {
    return "/rules/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + "/delete";
  }

  public static RuleRow of(Rule rule) {
    String runs = rule.matches() == null || rule.matches().equals(rule.query()) ? null : rule.matches();
    return new RuleRow(rule.id(), rule.name(), rule.query(), rule.exact(), runs,
        rule.webhook() == null ? "" : rule.webhook(), rule.signed(), HitView.date(rule.createdAt()));
  }
}
