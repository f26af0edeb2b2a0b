package io.newswire.console.sources;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.console.FetcherClient;
import io.newswire.console.Pages;
import io.newswire.console.Reply;
import io.newswire.console.signin.KeyCookie;
import io.newswire.console.signin.SignInRequired;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;

/**
 * {@code /sources}: every source the fetcher knows with what it did, a form that adds one (what
 * {@code ./newswire sources add} sends), and a remove button per source. A change that succeeds is
 * answered 303 back to {@code GET /sources} (post-redirect-get); one the fetcher refuses shows the
 * page again with its reason by the field it names and what was typed kept.
 */
@Path("/sources")
@Produces(MediaType.TEXT_HTML)
public class SourcesResource {
  private static final TypeReference<List<Source>> SOURCES = new TypeReference<>() {};

  private final FetcherClient fetcher;
  private final ObjectMapper json;

  public SourcesResource(FetcherClient fetcher, ObjectMapper json) {
    this.fetcher = fetcher;
    this.json = json;
  }

  @GET
  public Response list(@CookieParam(KeyCookie.NAME) String key) {
    return page(key, 200, SourceForm.EMPTY, "");
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response add(
      @CookieParam(KeyCookie.NAME) String key,
      @FormParam("name") String name,
      @FormParam("type") String type,
      @FormParam("url") String url,
      @FormParam("path") String path,
      @FormParam("interval") String interval) {
    SourceForm form = new SourceForm(name, type, url, path, interval, "", "");
    Reply reply;
    try {
      reply =
          fetcher.addSource(
              key, form.name(), form.type(), form.url(), form.path(), form.interval());
    } catch (IOException e) {
      return page(key, 503, form.failed("", e.getMessage()), "");
    }
    if (reply.status() == 401) {
      return SignInRequired.toSignin("/sources");
    }
    if (!reply.ok()) {
      // 400: a field is wrong; 409: the name is taken; 403: the fetcher names the role the key
      // lacks
      int status =
          reply.status() == 400 || reply.status() == 403 || reply.status() == 409
              ? reply.status()
              : 502;
      return page(
          key, status, form.failed(reply.body().path("field").asText(""), reply.error()), "");
    }
    return backToSources();
  }

  @POST
  @Path("/{name}/delete")
  public Response delete(@CookieParam(KeyCookie.NAME) String key, @PathParam("name") String name) {
    Reply reply;
    try {
      reply = fetcher.removeSource(key, name);
    } catch (IOException e) {
      return page(key, 503, SourceForm.EMPTY, e.getMessage());
    }
    if (reply.status() == 401) {
      return SignInRequired.toSignin("/sources");
    }
    if (!reply.ok()) {
      return page(
          key,
          reply.status() == 403 || reply.status() == 404 ? reply.status() : 502,
          SourceForm.EMPTY,
          "Cannot remove the source: " + reply.error());
    }
    return backToSources();
  }

  private static Response backToSources() {
    return Response.status(303).header(HttpHeaders.LOCATION, "/sources").build();
  }

  /**
   * The sources page with {@code form}; the sources are listed afresh, as another user may have
   * changed them.
   */
  private Response page(String key, int status, SourceForm form, String error) {
    Reply reply;
    try {
      reply = fetcher.sources(key);
    } catch (IOException e) {
      return show(status == 200 ? 503 : status, List.of(), form, join(error, e.getMessage()));
    }
    if (reply.refused()) {
      return SignInRequired.toSignin("/sources");
    }
    if (!reply.ok()) {
      return show(
          status == 200 ? 502 : status,
          List.of(),
          form,
          join(error, "The fetcher cannot list the sources now: " + reply.error()));
    }
    try {
      List<SourceRow> rows =
          json.convertValue(reply.body(), SOURCES).stream().map(SourceRow::of).toList();
      return show(status, rows, form, error);
    } catch (IllegalArgumentException e) {
      return show(
          502,
          List.of(),
          form,
          join(
              error,
              "The fetcher's answer is not a list of sources ("
                  + e.getMessage()
                  + "): are the console and the fetcher the same version, and newswire.console.fetcher-url the fetcher?"));
    }
  }

  private static Response show(int status, List<SourceRow> rows, SourceForm form, String error) {
    return Response.status(status)
        .entity(Pages.sources(new SourcesView(rows, form, error)))
        .build();
  }

  private static String join(String first, String second) {
    return first.isEmpty() ? second : first + " " + second;
  }
}
