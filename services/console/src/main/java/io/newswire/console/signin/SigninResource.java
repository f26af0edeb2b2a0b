package io.newswire.console.signin;

import io.newswire.console.ConsoleConfig;
import io.newswire.console.IndexerClient;
import io.newswire.console.Pages;
import io.newswire.console.Reply;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * Signing in with an API key. {@code GET /signin?key=...} is the link {@code ./newswire up} prints
 * (as Jupyter prints its token URL); the form posts the key instead, so a typed key stays out of
 * the browser's history. Either way a good key becomes the {@link KeyCookie} and the browser is
 * sent on (303), leaving no key in the address bar.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SigninResource {
  private final IndexerClient indexer;
  private final boolean secureCookie;

  public SigninResource(IndexerClient indexer, ConsoleConfig config) {
    this.indexer = indexer;
    this.secureCookie = config.secureCookie();
  }

  @GET
  @Path("signin")
  public Response form(@QueryParam("key") String key, @QueryParam("next") String next) {
    return key == null ? page(200, "", next) : signIn(key.trim(), next);
  }

  @POST
  @Path("signin")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response submit(@FormParam("key") String key, @FormParam("next") String next) {
    return signIn(key == null ? "" : key.trim(), next);
  }

  @POST
  @Path("signout")
  public Response signOut() {
    return Response.status(303)
        .header(HttpHeaders.LOCATION, "/signin")
        .cookie(KeyCookie.cleared())
        .build();
  }

  /** Asks the indexer for one hit with the key: the cheapest call that needs the reader role. */
  private Response signIn(String key, String next) {
    if (!KeyCookie.looksLikeKey(key)) {
      return page(
          400,
          "That is not an API key. Paste the key ./newswire keys add printed, or open the"
              + " Console address ./newswire up printed.",
          next);
    }
    Reply reply;
    try {
      reply = indexer.search(key, "*", 0, 1, true, true);
    } catch (IOException e) {
      return page(503, "Cannot check the key: " + e.getMessage(), next);
    }
    if (reply.refused()) {
      return page(
          401,
          "The indexer does not accept this key ("
              + reply.status()
              + "): it may be revoked or"
              + " lack the reader role. Make one with ./newswire keys add NAME reader.",
          next);
    }
    if (!reply.ok()) {
      return page(503, "Cannot check the key: " + reply.error(), next);
    }
    return Response.status(303)
        .header(HttpHeaders.LOCATION, NextPath.safe(next))
        .cookie(KeyCookie.of(key, secureCookie))
        .build();
  }

  private static Response page(int status, String error, String next) {
    return Response.status(status).entity(Pages.signin(error, NextPath.safe(next))).build();
  }
}
