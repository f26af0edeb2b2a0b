package io.newswire.console;

import io.newswire.console.search.SearchView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The console's pages, in {@code templates/}; checked at build time against the views they show. */
@CheckedTemplate
public final class Pages {
  private Pages() {}

  /** The search box, its help, and the results of {@code view} when it has a query. */
  public static native TemplateInstance search(SearchView view);

  /**
   * The sign-in form; {@code error} says why the last key was not accepted (empty when none was tried), and
   * {@code next} is where to go once signed in.
   */
  public static native TemplateInstance signin(String error, String next);
}
