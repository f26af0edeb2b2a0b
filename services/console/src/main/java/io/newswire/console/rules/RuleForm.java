package io.newswire.console.rules;

/**
 * What the new-rule form holds: kept as typed when the alerter refuses it, so the user corrects the query
 * rather than typing it again. {@code error} is the alerter's, shown by the query field; empty when none.
 */
public record RuleForm(String name, String query, boolean exact, String error) {
  public static final RuleForm EMPTY = new RuleForm("", "", false, "");

  public RuleForm {
    name = name == null ? "" : name.trim();
    query = query == null ? "" : query.trim();
    error = error == null ? "" : error;
  }

  public RuleForm failed(String why) {
    return new RuleForm(name, query, exact, why);
  }
}
