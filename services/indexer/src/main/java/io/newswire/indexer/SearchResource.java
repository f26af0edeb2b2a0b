package io.newswire.indexer;

import io.newswire.common.security.Access;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /search?q=...}: the hits for a query, in the syntax alert rules use, names matching
 * their other spellings unless {@code exact=true} ({@link io.newswire.model.NameVariants}), one hit
 * per story with its other copies attached unless {@code all=true} (issue 13); {@code sort=newest}
 * for newest first rather than best first, and {@code source=}, {@code language=} (each repeatable:
 * any of them), {@code since=}, {@code until=} (ISO dates or times of publication, inclusive) to
 * narrow it ({@link Searcher.Filters}). Errors come back as {@code {"error": "..."}}: 400 for a
 * query Elasticsearch cannot parse or a filter that is not one, 503 when it is down.
 */
@Path("/search")
public class SearchResource {
  private final Searcher searcher;

  public SearchResource(IndexerService service, IndexerConfig config) {
    this.searcher = new Searcher(service.elastic(), config.alias());
  }

  @GET
  @RolesAllowed(Access.READER)
  @Produces(MediaType.APPLICATION_JSON)
  public Response search(
      @QueryParam("q") String q,
      @QueryParam("from") @DefaultValue("0") int from,
      @QueryParam("size") @DefaultValue("10") int size,
      @QueryParam("exact") @DefaultValue("false") boolean exact,
      @QueryParam("all") @DefaultValue("false") boolean all,
      @QueryParam("sort") String sort,
      @QueryParam("source") List<String> sources,
      @QueryParam("language") List<String> languages,
      @QueryParam("since") String since,
      @QueryParam("until") String until) {
    if (q == null || q.isBlank()) {
      return error(
          400, "Missing query: pass it as ?q=... (Lucene syntax, e.g. ?q=Lavrov AND Minsk)");
    }
    try {
      Searcher.Request request =
          new Searcher.Request(
              q,
              !exact,
              all,
              new Searcher.Filters(sources, languages, since, until),
              Searcher.Order.parse(sort),
              Math.max(0, from),
              Math.min(Math.max(1, size), 100));
      return Response.ok(searcher.search(request)).build();
    } catch (IllegalArgumentException e) {
      return error(400, e.getMessage());
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
