package io.newswire.console.health;

import io.newswire.console.HealthClient;
import io.newswire.console.Pages;
import io.newswire.console.signin.KeyCookie;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /health}: whether each service is ready, its lag and last minute, from their readiness
 * checks; 200 when all are ready, 503 otherwise, so a probe can watch the page too.
 */
@Path("/health")
@Produces(MediaType.TEXT_HTML)
public class HealthResource {
  private final HealthClient health;

  public HealthResource(HealthClient health) {
    this.health = health;
  }

  @GET
  public Response page(@CookieParam(KeyCookie.NAME) String key) {
    HealthView view = HealthView.of(health.readiness(key));
    return Response.status(view.allReady() ? 200 : 503).entity(Pages.health(view)).build();
  }
}
