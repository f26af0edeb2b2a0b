package io.newswire.console.rules;

import java.util.List;

/**
 * What the rules page shows: the alerter's rules, the new-rule form, and {@code error} when the
 * alerter could not list the rules or remove one (empty otherwise).
 */
public record RulesView(List<RuleRow> rules, RuleForm form, String error) {}
