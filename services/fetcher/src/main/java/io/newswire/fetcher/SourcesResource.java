package io.newswire.fetcher;

import io.newswire.fetcher.source.SourceDefinition;
import io.newswire.fetcher.source.SourceMonitor;
import io.newswire.fetcher.source.SourceType;
import io.newswire.fetcher.source.SourcesFile;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./newswire sources add|list|remove}: lists the running sources with their last success,
 * last error and items emitted; adds and removes entries of the sources file, which the fetcher
 * then picks up like a hand edit.
 */
@Path("/sources")
public class SourcesResource {
  @Inject FetcherService service;
  @Inject FetcherConfig config;

  /** One row of {@code sources list}. */
  public record SourceView(
      String name, String type, String path, String url, String interval,
      long itemsEmitted, long errors, Instant lastSuccess, Instant lastError, String lastErrorReason) {}

  /** The body of {@code POST /sources}. */
  public record NewSource(String name, String type, String path, String url, String interval) {}

  @GET
  public List<SourceView> list() {
    List<SourceView> views = new ArrayList<>();
    for (SourceDefinition d : service.sources().definitions()) {
      SourceMonitor.Status s = service.monitor().status(d.name());
      views.add(new SourceView(
          d.name(), d.type().name().toLowerCase(), d.path(), d.url(),
          d.interval() == null ? null : d.interval().toString(),
          s.itemsEmitted.get(), s.errors.get(), s.lastSuccess, s.lastError, s.lastErrorReason));
    }
    return views;
  }

  @POST
  public synchronized Response add(NewSource body) throws IOException {
    SourceDefinition added;
    try {
      added = new SourceDefinition(body.name(), SourceType.parse(body.type()), body.path(), body.url(),
          SourcesFile.duration(body.interval()));
    } catch (IllegalArgumentException e) {
      return Response.status(400).entity(Map.of("error", e.getMessage())).build();
    }
    List<SourceDefinition> all = new ArrayList<>(current());
    if (all.stream().anyMatch(d -> d.name().equals(added.name()))) {
      return Response.status(409).entity(Map.of("error", "a source named '" + added.name() + "' exists")).build();
    }
    all.add(added);
    SourcesFile.write(file(), all);
    return Response.status(201).entity(Map.of("added", added.name(), "file", file().toAbsolutePath().toString())).build();
  }

  @DELETE
  @Path("/{name}")
  public synchronized Response remove(@PathParam("name") String name) throws IOException {
    List<SourceDefinition> all = new ArrayList<>(current());
    if (!all.removeIf(d -> d.name().equals(name))) {
      return Response.status(404).entity(Map.of("error", "no source named '" + name + "'")).build();
    }
    SourcesFile.write(file(), all);
    return Response.ok(Map.of("removed", name)).build();
  }

  private java.nio.file.Path file() {
    return java.nio.file.Path.of(config.sourcesFile());
  }

  private List<SourceDefinition> current() throws IOException {
    return Files.exists(file()) ? SourcesFile.read(file()) : List.of();
  }
}
