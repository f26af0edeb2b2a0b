package io.newswire.console.rules;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.console.AlerterClient;
import io.newswire.console.Pages;
import io.newswire.console.Reply;
import io.newswire.console.signin.KeyCookie;
import io.newswire.console.signin.SignInRequired;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * {@code /rules}: the alerter's rules with what each raised, a form that creates one (also posted
 * by the search page's "alert me on this") or, at {@code /rules?edit=ID}, changes one, and a delete
 * button per rule. A change that succeeds is answered 303 back to {@code GET /rules}
 * (post-redirect-get), so reloading the page does not post it twice; one the alerter refuses shows
 * the page again with its reason by the field and what was typed kept.
 */
@Path("/rules")
@Produces(MediaType.TEXT_HTML)
public class RulesResource {
  private static final TypeReference<List<Rule>> RULES = new TypeReference<>() {};

  /**
   * How long a change may take to show in the alerter's list before the page is shown without it.
   */
  private static final Duration LISTED = Duration.ofSeconds(3);

  private final AlerterClient alerter;
  private final ObjectMapper json;

  public RulesResource(AlerterClient alerter, ObjectMapper json) {
    this.alerter = alerter;
    this.json = json;
  }

  @GET
  public Response list(@CookieParam(KeyCookie.NAME) String key, @QueryParam("edit") String edit) {
    return page(key, 200, RuleForm.EMPTY, "", edit);
  }

  @POST
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response update(
      @CookieParam(KeyCookie.NAME) String key,
      @PathParam("id") String id,
      @FormParam("name") String name,
      @FormParam("query") String query,
      @FormParam("exact") @DefaultValue("false") boolean exact) {
    RuleForm form = new RuleForm(id, name, query, exact, "");
    if (form.query().isEmpty()) {
      return page(
          key, 400, form.failed("A rule needs a query, e.g. NATO or \"Lavrov\" Minsk."), "");
    }
    Reply reply;
    try {
      reply =
          alerter.updateRule(
              key, id, form.name().isEmpty() ? form.query() : form.name(), form.query(), exact);
    } catch (IOException e) {
      return page(key, 503, form.failed(e.getMessage()), "");
    }
    if (reply.status() == 401) {
      return SignInRequired.toSignin("/rules");
    }
    if (!reply.ok()) {
      return page(
          key,
          List.of(400, 403, 404).contains(reply.status()) ? reply.status() : 502,
          form.failed(reply.error()),
          "");
    }
    return backToRules();
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(
      @CookieParam(KeyCookie.NAME) String key,
      @FormParam("name") String name,
      @FormParam("query") String query,
      @FormParam("exact") @DefaultValue("false") boolean exact) {
    RuleForm form = new RuleForm(name, query, exact, "");
    if (form.query().isEmpty()) {
      return page(
          key, 400, form.failed("A rule needs a query, e.g. NATO or \"Lavrov\" Minsk."), "");
    }
    Reply reply;
    try {
      reply =
          alerter.addRule(
              key, form.name().isEmpty() ? form.query() : form.name(), form.query(), exact);
    } catch (IOException e) {
      return page(key, 503, form.failed(e.getMessage()), "");
    }
    if (reply.status() == 401) {
      return SignInRequired.toSignin("/rules");
    }
    if (!reply.ok()) {
      // 400: the query does not parse; 403: the alerter names the role the key lacks
      return page(
          key,
          reply.status() == 400 || reply.status() == 403 ? reply.status() : 502,
          form.failed(reply.error()),
          "");
    }
    awaitListed(key, reply.body().path("id").asText(""), true);
    return backToRules();
  }

  @POST
  @Path("/{id}/delete")
  public Response delete(@CookieParam(KeyCookie.NAME) String key, @PathParam("id") String id) {
    Reply reply;
    try {
      reply = alerter.removeRule(key, id);
    } catch (IOException e) {
      return page(key, 503, RuleForm.EMPTY, e.getMessage());
    }
    if (reply.status() == 401) {
      return SignInRequired.toSignin("/rules");
    }
    if (!reply.ok()) {
      return page(
          key,
          reply.status() == 403 || reply.status() == 404 ? reply.status() : 502,
          RuleForm.EMPTY,
          "Cannot delete the rule: " + reply.error());
    }
    awaitListed(key, id, false);
    return backToRules();
  }

  /**
   * A change reaches the alerter's list through its rules topic, a moment after the alerter
   * accepted it: waits up to {@link #LISTED} for the list to show it (or no longer show a deleted
   * rule), so that the page the browser is sent to shows the change. Past that the page shows the
   * list as it is.
   */
  private void awaitListed(String key, String id, boolean present) {
    if (id.isEmpty()) {
      return;
    }
    long deadline = System.nanoTime() + LISTED.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        Reply list = alerter.rules(key);
        if (!list.ok()) {
          return;
        }
        boolean listed = false;
        for (var rule : list.body()) {
          listed |= id.equals(rule.path("id").asText());
        }
        if (listed == present) {
          return;
        }
        Thread.sleep(100);
      }
    } catch (IOException e) {
      // the page that follows says the alerter does not answer
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Response backToRules() {
    return Response.status(303).header(HttpHeaders.LOCATION, "/rules").build();
  }

  private Response page(String key, int status, RuleForm form, String error) {
    return page(key, status, form, error, null);
  }

  /**
   * The rules page with {@code form}, or with the rule {@code edit} in it when given; the rules are
   * listed afresh, since another user may have changed them.
   */
  private Response page(String key, int status, RuleForm form, String error, String edit) {
    Reply reply;
    try {
      reply = alerter.rules(key);
    } catch (IOException e) {
      return show(status == 200 ? 503 : status, List.of(), form, join(error, e.getMessage()));
    }
    if (reply.refused()) {
      return SignInRequired.toSignin("/rules");
    }
    if (!reply.ok()) {
      return show(
          status == 200 ? 502 : status,
          List.of(),
          form,
          join(error, "The alerter cannot list the rules now: " + reply.error()));
    }
    try {
      List<RuleRow> rows =
          json.convertValue(reply.body(), RULES).stream().map(RuleRow::of).toList();
      if (edit != null) {
        RuleRow editing = rows.stream().filter(r -> r.id().equals(edit)).findFirst().orElse(null);
        if (editing == null) {
          return show(
              404,
              rows,
              form,
              join(error, "No rule with id " + edit + ": it may have been deleted."));
        }
        form = RuleForm.editing(editing);
      }
      return show(status, rows, form, error);
    } catch (IllegalArgumentException e) {
      return show(
          502,
          List.of(),
          form,
          join(
              error,
              "The alerter's answer is not a list of rules ("
                  + e.getMessage()
                  + "): are the console and the alerter the same version, and newswire.console.alerter-url the alerter?"));
    }
  }

  private static Response show(int status, List<RuleRow> rows, RuleForm form, String error) {
    return Response.status(status).entity(Pages.rules(new RulesView(rows, form, error))).build();
  }

  private static String join(String first, String second) {
    return first.isEmpty() ? second : first + " " + second;
  }
}
