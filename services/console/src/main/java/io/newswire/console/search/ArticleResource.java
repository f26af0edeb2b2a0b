package io.newswire.console.search;

import io.newswire.console.IndexerClient;
import io.newswire.console.Pages;
import io.newswire.console.Reply;
import io.newswire.console.signin.KeyCookie;
import io.newswire.console.signin.SignInRequired;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;

/** {@code GET /articles/{id}}: one cleaned article, as a search hit or an alert opens it. */
@Path("/articles")
@Produces(MediaType.TEXT_HTML)
public class ArticleResource {
  private final IndexerClient indexer;

  public ArticleResource(IndexerClient indexer) {
    this.indexer = indexer;
  }

  @GET
  @Path("/{id}")
  public Response article(
      @CookieParam(KeyCookie.NAME) String key, @PathParam("id") String id, @Context UriInfo uri) {
    Reply reply;
    try {
      reply = indexer.article(key, id);
    } catch (IOException e) {
      return page(503, ArticleView.failed(id, e.getMessage()));
    }
    if (reply.refused()) {
      return SignInRequired.toSignin(SignInRequired.wanted(uri.getRequestUri()));
    }
    if (reply.status() == 404) {
      return page(404, ArticleView.failed(id, reply.error()));
    }
    if (!reply.ok()) {
      return page(503, ArticleView.failed(id, "The indexer cannot show it now: " + reply.error()));
    }
    return page(200, ArticleView.of(reply.body()));
  }

  private static Response page(int status, ArticleView view) {
    return Response.status(status).entity(Pages.article(view)).build();
  }
}
