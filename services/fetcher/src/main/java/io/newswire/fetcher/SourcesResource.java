package io.newswire.fetcher;

import io.newswire.common.security.Access;
import io.newswire.fetcher.catalog.SourceCatalog;
import io.newswire.fetcher.catalog.SourceCatalog.Entry;
import io.newswire.fetcher.catalog.SourceCatalog.Origin;
import io.newswire.fetcher.source.SourceDefinition;
import io.newswire.fetcher.source.SourceMonitor;
import io.newswire.fetcher.source.SourceType;
import io.newswire.fetcher.source.SourcesFile;
import io.newswire.fetcher.source.folder.FolderRoots;
import io.newswire.model.ApiKeyFile.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./newswire sources add|list|remove}. Lists every source of the deployment (from {@code
 * newswire.sources}), with last success, last error and items emitted for those this instance
 * polls; adds sources to the topic; removes them from the topic, and from the sources file when the
 * file owns them (or the next edit of the file would bring them back).
 */
@Path("/sources")
public class SourcesResource {
  @Inject FetcherService service;
  @Inject FetcherConfig config;
  @Inject SecurityIdentity identity;

  /**
   * One row of {@code sources list}.
   *
   * @param origin {@code file} (owned by the sources file) or {@code api} (added with the CLI)
   * @param polledHere whether this instance polls it; the counters are this instance's
   */
  public record SourceView(
      String name,
      String type,
      String path,
      String url,
      String interval,
      String origin,
      String shard,
      boolean polledHere,
      long itemsEmitted,
      long errors,
      Instant lastSuccess,
      Instant lastError,
      String lastErrorReason) {}

  /**
   * The body of {@code POST /sources}. One the fetcher refuses is answered 400 with {@code error}
   * and {@code field}, the field to correct, so the console shows the reason by it.
   */
  public record NewSource(String name, String type, String path, String url, String interval) {
    /**
     * @throws InvalidField naming the first field that is wrong
     */
    SourceDefinition definition() {
      if (name == null || name.isBlank()) {
        throw new InvalidField("name", "a source needs a name");
      }
      SourceType parsed = InvalidField.in("type", () -> SourceType.parse(type));
      Duration every = InvalidField.in("interval", () -> SourcesFile.duration(interval));
      // name and type are good by now, so what the definition refuses is where the source points
      return InvalidField.in(
          parsed == SourceType.FOLDER ? "path" : "url",
          () -> new SourceDefinition(name, parsed, path, url, every));
    }
  }

  @GET
  @RolesAllowed(Access.READER)
  public List<SourceView> list() {
    FetcherNode node = service.node();
    Set<String> running =
        Set.copyOf(node.sources().definitions().stream().map(SourceDefinition::name).toList());
    List<SourceView> views = new ArrayList<>();
    for (Entry e : node.catalog().entries()) {
      SourceDefinition d = e.definition();
      boolean here = running.contains(d.name());
      SourceMonitor.Status s = node.monitor().status(d.name());
      views.add(
          new SourceView(
              d.name(),
              d.type().name().toLowerCase(Locale.ROOT),
              d.path(),
              d.url(),
              d.interval() == null ? null : d.interval().toString(),
              e.origin().name().toLowerCase(Locale.ROOT),
              SourceCatalog.shard(d),
              here,
              s.itemsEmitted.get(),
              s.errors.get(),
              s.lastSuccess,
              s.lastError,
              s.lastErrorReason));
    }
    return views;
  }

  @POST
  @RolesAllowed(Access.EDITOR)
  public synchronized Response add(NewSource body) {
    if (body == null) {
      return Response.status(400)
          .entity(
              Map.of(
                  "error",
                  "a source needs a body, e.g."
                      + " {\"name\":\"n\",\"type\":\"feed\",\"url\":\"https://example.org/feed.xml\"}"))
          .build();
    }
    SourceDefinition added;
    try {
      added = body.definition();
      if (added.type() == SourceType.FOLDER) {
        // reads local files: only an admin, and only under the allowed roots
        Access.require(identity, Role.ADMIN, "A folder source");
        FolderRoots roots =
            new FolderRoots(config.folderRoots(), java.nio.file.Path.of(config.sourcesFile()));
        InvalidField.in("path", () -> roots.check(added.path()));
      }
    } catch (InvalidField e) {
      return refused(400, e.field(), e.getMessage());
    }
    if (service.node().catalog().byName(added.name()).isPresent()) {
      return refused(409, "name", "a source named '" + added.name() + "' exists");
    }
    service.node().publisher().put(added, Origin.API);
    return Response.status(201)
        .entity(Map.of("added", added.name(), "shard", SourceCatalog.shard(added)))
        .build();
  }

  @DELETE
  @RolesAllowed(Access.EDITOR)
  @Path("/{name}")
  public synchronized Response remove(@PathParam("name") String name) throws IOException {
    Entry entry = service.node().catalog().byName(name).orElse(null);
    if (entry == null) {
      return Response.status(404).entity(Map.of("error", "no source named '" + name + "'")).build();
    }
    java.nio.file.Path file = java.nio.file.Path.of(config.sourcesFile());
    if (entry.origin() == Origin.FILE && Files.exists(file)) {
      List<SourceDefinition> all = new ArrayList<>(SourcesFile.read(file));
      if (all.removeIf(d -> d.name().equals(name))) {
        // comments in the file are not kept; the file stays the one place that lists its sources
        SourcesFile.write(file, all);
      }
    }
    service.node().publisher().remove(name);
    return Response.ok(Map.of("removed", name)).build();
  }

  private static Response refused(int status, String field, String error) {
    return Response.status(status).entity(Map.of("error", error, "field", field)).build();
  }
}
