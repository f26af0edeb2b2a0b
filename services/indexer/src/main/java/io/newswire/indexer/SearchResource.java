package io.newswire.indexer;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;

/** {@code GET /search?q=...}: the hits for a query, in the syntax alert rules use. */
@Path("/search")
public class SearchResource {
  private final Searcher searcher;

  public SearchResource(IndexerService service, IndexerConfig config) {
    this.searcher = new Searcher(service.elastic(), config.alias());
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Searcher.Result search(
      @QueryParam("q") String q,
      @QueryParam("from") @DefaultValue("0") int from,
      @QueryParam("size") @DefaultValue("10") int size) {
    if (q == null || q.isBlank()) {
      throw new BadRequestException("Missing query: pass it as ?q=...");
    }
    try {
      return searcher.search(q, Math.max(0, from), Math.min(Math.max(1, size), 100));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    } catch (IOException e) {
      throw new ServiceUnavailableException(e.getMessage());
    }
  }
}
