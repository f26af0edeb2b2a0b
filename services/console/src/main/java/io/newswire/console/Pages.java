package io.newswire.console;

import io.newswire.console.alerts.AlertView;
import io.newswire.console.alerts.AlertsView;
import io.newswire.console.deadletters.DeadLettersView;
import io.newswire.console.health.HealthView;
import io.newswire.console.rules.RulesView;
import io.newswire.console.search.ArticleView;
import io.newswire.console.search.SearchView;
import io.newswire.console.sources.SourcesView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The console's pages, in {@code templates/}; checked at build time against the views they show.
 */
@CheckedTemplate
public final class Pages {
  private Pages() {}

  /** The search box, its help, and the results of {@code view} when it has a query. */
  public static native TemplateInstance search(SearchView view);

  /**
   * One cleaned article with its metadata, the link to the original and its story's other copies.
   */
  public static native TemplateInstance article(ArticleView view);

  /** Each service's readiness, lag and last minute. */
  public static native TemplateInstance health(HealthView view);

  /** The alerter's rules, the new-rule form and its error by the query field. */
  public static native TemplateInstance rules(RulesView view);

  /**
   * The fetcher's sources with a flag on the failing ones, the add-source form and its error by its
   * field.
   */
  public static native TemplateInstance sources(SourcesView view);

  /**
   * Every DLQ topic's letters by stage and reason, its newest letters, and a replay button per
   * topic.
   */
  public static native TemplateInstance deadLetters(DeadLettersView view);

  /**
   * The recent alerts, newest first, and the script that adds live ones from {@code
   * /alerts/stream}.
   */
  public static native TemplateInstance alerts(AlertsView view);

  /** One alert's list item, as the live feed sends it. */
  public static native TemplateInstance alerts$item(AlertView alert);

  /** One copy's "also in" line, as the live feed sends it. */
  public static native TemplateInstance alerts$copy(AlertView.CopyView copy);

  /**
   * The sign-in form; {@code error} says why the last key was not accepted (empty when none was
   * tried), and {@code next} is where to go once signed in.
   */
  public static native TemplateInstance signin(String error, String next);
}
