package io.newswire.console.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.console.IndexerClient;
import io.newswire.console.Pages;
import io.newswire.console.Reply;
import io.newswire.console.signin.KeyCookie;
import io.newswire.console.signin.SignInRequired;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.List;

/**
 * The landing page: {@code GET /?q=...&page=N&all=&exact=&sort=&source=&language=&since=&until=}
 * searches straight away ({@link SearchState}), with the meaning the indexer's {@code /search}
 * gives each (one hit per story or every copy; names in their other spellings or only as written;
 * best or newest first; filters).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SearchResource {
  private final IndexerClient indexer;
  private final ObjectMapper json;

  public SearchResource(IndexerClient indexer, ObjectMapper json) {
    this.indexer = indexer;
    this.json = json;
  }

  @GET
  public Response search(
      @CookieParam(KeyCookie.NAME) String key,
      @QueryParam("q") String q,
      @QueryParam("page") @DefaultValue("1") int page,
      @QueryParam("all") @DefaultValue("false") boolean all,
      @QueryParam("exact") @DefaultValue("false") boolean exact,
      @QueryParam("sort") String sort,
      @QueryParam("source") List<String> sources,
      @QueryParam("language") List<String> languages,
      @QueryParam("since") String since,
      @QueryParam("until") String until,
      @Context UriInfo uri) {
    SearchState state =
        new SearchState(q, page, all, exact, sort, sources, languages, since, until);
    if (state.query().isEmpty()) {
      return page(200, SearchView.empty(state));
    }
    Reply reply;
    try {
      reply = indexer.search(key, state, SearchState.PER_PAGE);
    } catch (IOException e) {
      return page(503, SearchView.failed(state, e.getMessage()));
    }
    if (reply.refused()) {
      return SignInRequired.toSignin(SignInRequired.wanted(uri.getRequestUri()));
    }
    if (reply.status() == 400) {
      return page(400, SearchView.failed(state, reply.error()));
    }
    if (!reply.ok()) {
      return page(503, SearchView.failed(state, "The indexer cannot search now: " + reply.error()));
    }
    try {
      return page(200, SearchView.of(state, json.treeToValue(reply.body(), Found.class)));
    } catch (IOException e) {
      return page(
          502,
          SearchView.failed(
              state,
              "The indexer's answer is not a search result ("
                  + e.getMessage()
                  + "): are the console and the indexer the same version, and newswire.console.indexer-url the indexer?"));
    }
  }

  private static Response page(int status, SearchView view) {
    return Response.status(status).entity(Pages.search(view)).build();
  }
}
