package io.newswire.console;

import io.newswire.console.alerts.AlertView;
import io.newswire.console.alerts.AlertsView;
import io.newswire.console.rules.RulesView;
import io.newswire.console.search.SearchView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The console's pages, in {@code templates/}; checked at build time against the views they show. */
@CheckedTemplate
public final class Pages {
  private Pages() {}

  /** The search box, its help, and the results of {@code view} when it has a query. */
  public static native TemplateInstance search(SearchView view);

  /** The alerter's rules, the new-rule form and its error by the query field. */
  public static native TemplateInstance rules(RulesView view);

  /** The recent alerts, newest first, and the script that adds live ones from {@code /alerts/stream}. */
  public static native TemplateInstance alerts(AlertsView view);

  /** One alert's list item, as the live feed sends it. */
  public static native TemplateInstance alerts$item(AlertView alert);

  /** One copy's "also in" line, as the live feed sends it. */
  public static native TemplateInstance alerts$copy(AlertView.CopyView copy);

  /**
   * The sign-in form; {@code error} says why the last key was not accepted (empty when none was tried), and
   * {@code next} is where to go once signed in.
   */
  public static native TemplateInstance signin(String error, String next);
}
