package io.newswire.console.rules;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What the rule form holds: a new rule ({@code id} empty) or a change to the rule with {@code id};
 * kept as typed when the alerter refuses it, so the user corrects the query rather than typing it
 * again. {@code error} is the alerter's, shown by the query field; empty when none.
 */
public record RuleForm(String id, String name, String query, boolean exact, String error) {
  public static final RuleForm EMPTY = new RuleForm("", "", "", false, "");

  public RuleForm {
    id = id == null ? "" : id;
    name = name == null ? "" : name.trim();
    query = query == null ? "" : query.trim();
    error = error == null ? "" : error;
  }

  /** A new rule's form. */
  public RuleForm(String name, String query, boolean exact, String error) {
    this("", name, query, exact, error);
  }

  /** The form holding {@code row}, to change it. */
  public static RuleForm editing(RuleRow row) {
    return new RuleForm(row.id(), row.name(), row.query(), row.exact(), "");
  }

  public boolean editing() {
    return !id.isEmpty();
  }

  /** Where the form posts: {@code /rules} for a new rule, the rule's own path for a change. */
  public String action() {
    return editing()
        ? "/rules/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")
        : "/rules";
  }

  public RuleForm failed(String why) {
    return new RuleForm(id, name, query, exact, why);
  }
}
