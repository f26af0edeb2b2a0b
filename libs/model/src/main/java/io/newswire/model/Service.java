package io.newswire.model;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The roster of Newswire's services: their names, default ports, where their built application is,
 * and the line each prints once it serves. The launcher, the benchmarks, the CLI and the tests read
 * it; each service's {@code application.properties} and the compose file carry the same ports,
 * which {@code ServiceRosterTest} checks.
 */
public enum Service {
  FETCHER(8081),
  CLEANER(8082),
  INDEXER(8083),
  ALERTER(8084),
  CONSOLE(8085);

  /**
   * The order the launcher starts them in: the consumers before the fetcher feeds them, the console
   * last, as it is told where the others listen.
   */
  public static final List<Service> START_ORDER =
      List.of(INDEXER, ALERTER, CLEANER, FETCHER, CONSOLE);

  /** The services whose HTTP APIs the console calls. */
  public static final List<Service> CONSOLE_BACKENDS = List.of(INDEXER, ALERTER, FETCHER, CLEANER);

  /**
   * What a service prints once it has started, followed by its name and HTTP port ({@link
   * #readyLine}); a launcher running it as a child process waits for it.
   */
  public static final String READY_PREFIX = "NEWSWIRE-READY ";

  /** The main class of a built Quarkus application ({@link #runJar}). */
  public static final String QUARKUS_ENTRY_POINT = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";

  private final int defaultPort;

  Service(int defaultPort) {
    this.defaultPort = defaultPort;
  }

  /** Its name in folders, logs, settings and the ready line, e.g. {@code indexer}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The HTTP port it listens on unless told otherwise. */
  public int defaultPort() {
    return defaultPort;
  }

  /** {@code quarkus.application.name} of the service. */
  public String applicationName() {
    return "newswire-" + id();
  }

  /** The ready line with its HTTP port, e.g. {@code NEWSWIRE-READY indexer 8083}. */
  public String readyLine(int port) {
    return READY_PREFIX + id() + " " + port;
  }

  /** Its built application in the repository, which {@code ./newswire build} makes. */
  public Path runJar(Path repoRoot) {
    return repoRoot
        .resolve("services")
        .resolve(id())
        .resolve("target")
        .resolve("quarkus-app")
        .resolve("quarkus-run.jar");
  }

  /** The key of its base URL in the launcher's up file, which the CLI reads. */
  public String urlKey() {
    return id() + ".url";
  }

  /** The service called {@code id} ({@code indexer}, or {@code newswire-indexer}). */
  public static Service of(String id) {
    String name = id.startsWith("newswire-") ? id.substring("newswire-".length()) : id;
    for (Service service : values()) {
      if (service.id().equals(name)) {
        return service;
      }
    }
    throw new IllegalArgumentException(
        "no service '"
            + id
            + "'; the services are "
            + Arrays.stream(values()).map(Service::id).collect(Collectors.joining(", ")));
  }

  /** The service whose {@link #applicationName} is {@code name}, if one is. */
  public static Optional<Service> byApplicationName(String name) {
    return Arrays.stream(values()).filter(s -> s.applicationName().equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return id();
  }
}
