package io.newswire.console.rules;

import io.newswire.console.search.HitView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One rule as the rules page shows it; {@code runs} is null when the rule runs its query as written
 * (exact, or no name in it has other spellings), and {@code webhook} is empty when it has none.
 */
public record RuleRow(
    String id,
    String name,
    String query,
    boolean exact,
    String runs,
    String webhook,
    boolean signed,
    String created,
    long alerts,
    long copies,
    String lastAlert) {

  /**
   * Where the rule's delete button posts; an id may be any text the API was given, so it is
   * encoded.
   */
  public String deletePath() {
    return updatePath() + "/delete";
  }

  /** Where the rule's edit form posts. */
  public String updatePath() {
    return "/rules/" + segment();
  }

  /** The rules page with this rule in the form, to change it. */
  public String editPath() {
    return "/rules?edit=" + segment() + "#rule-form";
  }

  private String segment() {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public static RuleRow of(Rule rule) {
    String runs =
        rule.matches() == null || rule.matches().equals(rule.query()) ? null : rule.matches();
    return new RuleRow(
        rule.id(),
        rule.name(),
        rule.query(),
        rule.exact(),
        runs,
        rule.webhook() == null ? "" : rule.webhook(),
        rule.signed(),
        HitView.date(rule.createdAt()),
        rule.alerts(),
        rule.copies(),
        HitView.date(rule.lastAlert()));
  }
}
