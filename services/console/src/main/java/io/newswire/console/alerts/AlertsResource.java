package io.newswire.console.alerts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.console.AlerterClient;
import io.newswire.console.Pages;
import io.newswire.console.Reply;
import io.newswire.console.signin.KeyCookie;
import io.newswire.console.signin.SignInRequired;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.io.IOException;
import java.util.List;

/**
 * {@code GET /alerts}: the alerter's recent alerts, newest first, with the copies of each story
 * under its alert. {@code GET /alerts/stream} is the same feed live, as server-sent events ({@link
 * AlertStream}); the page's script adds them to the top as they come, and without it a reload shows
 * them.
 */
@Path("/alerts")
public class AlertsResource {
  static final TypeReference<List<Entry>> ENTRIES = new TypeReference<>() {};

  private final AlerterClient alerter;
  private final ObjectMapper json;

  public AlertsResource(AlerterClient alerter, ObjectMapper json) {
    this.alerter = alerter;
    this.json = json;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response page(@CookieParam(KeyCookie.NAME) String key) {
    Reply reply;
    try {
      reply = alerter.alertsAfter(key, 0);
    } catch (IOException e) {
      return show(503, AlertsView.failed(e.getMessage()));
    }
    if (reply.refused()) {
      return SignInRequired.toSignin("/alerts");
    }
    if (!reply.ok()) {
      return show(
          502, AlertsView.failed("The alerter cannot list the alerts now: " + reply.error()));
    }
    try {
      return show(200, AlertsView.of(json.convertValue(reply.body(), ENTRIES)));
    } catch (IllegalArgumentException e) {
      return show(
          502,
          AlertsView.failed(
              "The alerter's answer is not a list of alerts ("
                  + e.getMessage()
                  + "): are the console and the alerter the same version, and newswire.console.alerter-url the alerter?"));
    }
  }

  /**
   * The alerts after {@code after} (the page's last sequence), or after {@code Last-Event-ID} when
   * the browser reconnects; with neither, the alerts from now on.
   */
  @GET
  @Path("/stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public Multi<OutboundSseEvent> stream(
      @CookieParam(KeyCookie.NAME) String key,
      @QueryParam("after") String after,
      @HeaderParam("Last-Event-ID") String lastEventId,
      @Context Sse sse) {
    long from = AlertStream.position(lastEventId != null ? lastEventId : after);
    return new AlertStream(alerter, json, sse, key, from).events();
  }

  private static Response show(int status, AlertsView view) {
    return Response.status(status).entity(Pages.alerts(view)).build();
  }
}
