package io.newswire.indexer;

import io.newswire.common.security.Access;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /articles/{id}}: one cleaned article as indexed (text, metadata, the link to the
 * original) with the other reports of its story under {@code copies}; 404 as {@code {"error": ...}}
 * when no article has the id, 503 when Elasticsearch is down.
 */
@Path("/articles")
public class ArticleResource {
  private final Searcher searcher;

  public ArticleResource(IndexerService service, IndexerConfig config) {
    this.searcher = new Searcher(service.elastic(), config.alias());
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Access.READER)
  @Produces(MediaType.APPLICATION_JSON)
  public Response article(@PathParam("id") String id) {
    try {
      return searcher
          .article(id)
          .map(a -> Response.ok(a).build())
          .orElseGet(
              () ->
                  error(
                      404,
                      "No article has the id '"
                          + id
                          + "': it may not be indexed yet, or was"
                          + " removed"));
    } catch (IOException e) {
      return error(503, "Elasticsearch is not reachable: " + e.getMessage());
    }
  }

  private static Response error(int status, String message) {
    return Response.status(status)
        .entity(Map.of("error", message))
        .type(MediaType.APPLICATION_JSON)
        .build();
  }
}
