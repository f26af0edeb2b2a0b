package io.newswire.launcher;

import io.newswire.model.ApiKeyFile;
import io.newswire.model.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole of Newswire on one machine: the embedded stack plus the four services and the console,
 * each a child JVM running its built Quarkus application. {@code ./newswire up} and the end-to-end
 * tests use it.
 */
public final class Pipeline implements AutoCloseable {
  /** In the data folder: the SHA-256 of each API key the services accept ({@link ApiKeyFile}). */
  public static final String KEYS_FILE = "api-keys";

  /** In the data folder, mode 0600: the CLI's own admin key, created on the first start. */
  public static final String CLI_KEY_FILE = "cli-key";

  private static final String CLI_KEY_NAME = "cli";

  /**
   * In the data folder, mode 0600: the key the console's sign-in address carries, its own so that
   * revoking it ({@code ./newswire keys revoke console}) signs the console out and leaves the CLI
   * working.
   */
  public static final String CONSOLE_KEY_FILE = "console-key";

  private static final String CONSOLE_KEY_NAME = "console";

  private static final Duration SERVICE_READY_TIMEOUT = Duration.ofSeconds(120);
  private static final int SERVICE_PORT_FROM = 18000;
  private static final int SERVICE_PORT_TO = 19999;

  /**
   * How to run it.
   *
   * @param workingDir where the services run; the fetcher resolves relative folder paths and {@code
   *     config/} against it
   * @param sourcesFile the fetcher's sources file
   * @param ports HTTP port per service; 0 or missing picks a free port
   * @param jvmArgs extra JVM options for every service
   * @param properties extra configuration for every service, as system properties
   * @param kafkaUsers empty for a broker without security; else its SASL users and passwords,
   *     {@code admin} the super user and {@code newswire} the one the services log in as, with only
   *     the ACLs they need
   */
  public record Options(
      Path dataDir,
      Path workingDir,
      Path sourcesFile,
      Map<Service, Integer> ports,
      List<String> jvmArgs,
      Map<String, String> properties,
      Map<String, String> kafkaUsers) {

    public Options(
        Path dataDir,
        Path workingDir,
        Path sourcesFile,
        Map<Service, Integer> ports,
        List<String> jvmArgs,
        Map<String, String> properties) {
      this(dataDir, workingDir, sourcesFile, ports, jvmArgs, properties, Map.of());
    }
  }

  /** The broker user the services log in as when the broker has SASL users. */
  public static final String SERVICE_KAFKA_USER = "newswire";

  private final EmbeddedStack stack;
  private final Options options;
  private final Consumer<String> progress;
  private final RepoLayout layout;
  private final Map<Service, ChildProcess> services = new LinkedHashMap<>();
  private final Map<Service, Integer> ports = new LinkedHashMap<>();
  private final String apiKey;
  private final String consoleKey;

  private Pipeline(
      EmbeddedStack stack,
      Options options,
      Consumer<String> progress,
      RepoLayout layout,
      String apiKey,
      String consoleKey) {
    this.stack = stack;
    this.options = options;
    this.progress = progress;
    this.layout = layout;
    this.apiKey = apiKey;
    this.consoleKey = consoleKey;
  }

  /**
   * Starts the stack, then the services, and returns once every one reported ready.
   *
   * @throws IllegalStateException naming the part that failed and the end of its log; nothing is
   *     left running
   */
  public static Pipeline start(Options options, Consumer<String> progress) {
    RepoLayout layout = RepoLayout.find();
    for (Service service : Service.START_ORDER) {
      ServiceLaunch.of(
          service, layout.root()); // fails now, before the stack starts, if one is not built
    }
    String apiKey;
    String consoleKey;
    try {
      apiKey = ownKey(options.dataDir(), CLI_KEY_FILE, CLI_KEY_NAME);
      consoleKey = ownKey(options.dataDir(), CONSOLE_KEY_FILE, CONSOLE_KEY_NAME);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the API keys in " + options.dataDir(), e);
    }
    EmbeddedStack stack =
        EmbeddedStack.start(
            options.dataDir(),
            progress,
            EmbeddedStack.DEFAULT_READY_TIMEOUT,
            options.kafkaUsers(),
            options.kafkaUsers().isEmpty() ? null : SERVICE_KAFKA_USER);
    Pipeline pipeline = new Pipeline(stack, options, progress, layout, apiKey, consoleKey);
    try {
      for (Service service : Service.START_ORDER) {
        int port = options.ports().getOrDefault(service, 0);
        // below the ephemeral range, so an outgoing connection cannot take the port before the
        // service binds it
        pipeline.ports.put(
            service, port == 0 ? FreePorts.inRange(SERVICE_PORT_FROM, SERVICE_PORT_TO) : port);
        pipeline.services.put(service, pipeline.launch(service));
      }
      for (Service service : Service.START_ORDER) {
        pipeline.awaitReady(service);
      }
      return pipeline;
    } catch (IOException | RuntimeException e) {
      pipeline.close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    } catch (InterruptedException e) {
      pipeline.close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while Newswire was starting", e);
    }
  }

  public EmbeddedStack stack() {
    return stack;
  }

  /**
   * The admin key the CLI uses (kept in {@link #CLI_KEY_FILE}); for tests and the CLI only, never
   * printed.
   */
  public String apiKey() {
    return apiKey;
  }

  /**
   * The console's address with what a first visit needs to sign in (its own admin key, which the
   * console moves into a cookie and out of the address bar), as a notebook server prints its token
   * URL.
   */
  public String consoleSignInUrl() {
    return url(Service.CONSOLE) + "/signin?key=" + consoleKey;
  }

  /**
   * The file of accepted keys: {@code ./newswire keys add|revoke} edit it, the services re-read it.
   */
  public Path keysFile() {
    return options.dataDir().resolve(KEYS_FILE);
  }

  /**
   * An admin key of the launcher's own (the CLI's, the console's): read from the data folder, or on
   * the first start created there (the key in {@code keyFileName}, mode 0600, its hash in {@code
   * api-keys}).
   */
  static String ownKey(Path dataDir, String keyFileName, String name) throws IOException {
    Path keyFile = dataDir.resolve(keyFileName);
    Path keys = dataDir.resolve(KEYS_FILE);
    if (Files.isRegularFile(keyFile)) {
      String key = Files.readString(keyFile).strip();
      String hash = ApiKeyFile.sha256(key);
      if (ApiKeyFile.read(keys).stream().anyMatch(e -> e.sha256().equals(hash))) {
        return key;
      }
    }
    // first start, or the key was revoked or lost: a new one
    ApiKeyFile.revoke(keys, name);
    String key = ApiKeyFile.add(keys, name, ApiKeyFile.Role.ADMIN);
    ApiKeyFile.writeSecret(keyFile, key + "\n");
    return key;
  }

  /** Base URL of a service's HTTP API, e.g. {@code http://127.0.0.1:8083}. */
  public String url(Service service) {
    return "http://127.0.0.1:" + ports.get(service);
  }

  public ChildProcess process(Service service) {
    return services.get(service);
  }

  /** Kills a service as a crash would (SIGKILL). */
  public void kill(Service service) throws InterruptedException {
    services.get(service).kill();
  }

  /** Starts a service again (killing it first if it still runs) and waits until it is ready. */
  public void restart(Service service) throws IOException, InterruptedException {
    services.get(service).kill();
    services.put(service, launch(service));
    awaitReady(service);
  }

  private ChildProcess launch(Service service) throws IOException {
    ServiceLaunch launch =
        ServiceLaunch.of(service, layout.root())
            .port(ports.get(service))
            .kafka(stack.bootstrapServers())
            .elasticsearch(stack.elasticsearchUrl())
            .jvmArgs(options.jvmArgs())
            .property("newswire.fetcher.sources-file", options.sourcesFile().toString())
            .property("newswire.auth.keys-file", keysFile().toString())
            .workingDir(options.workingDir())
            .logFile(options.dataDir().resolve("logs").resolve(service + ".log"));
    if (!options.kafkaUsers().isEmpty()) {
      stack
          .kafkaClientSecurity(SERVICE_KAFKA_USER)
          .forEach((k, v) -> launch.property("kafka." + k, v));
    }
    if (service == Service.CONSOLE) {
      Service.CONSOLE_BACKENDS.forEach(
          backend -> launch.property("newswire.console." + backend + "-url", url(backend)));
    }
    launch.properties(options.properties());
    progress.accept("starting " + service + "...");
    return launch.start();
  }

  private void awaitReady(Service service) throws InterruptedException {
    ChildProcess child = services.get(service);
    child.awaitReady(SERVICE_READY_TIMEOUT);
    awaitHttp(service, child);
    progress.accept(
        String.format(
            Locale.ROOT,
            "%s ready on %s in %.1f s",
            service,
            url(service),
            child.readyAfter().toMillis() / 1000.0));
  }

  /**
   * The ready line comes from a start-up observer; the HTTP API must answer too before tests use
   * it.
   */
  private void awaitHttp(Service service, ChildProcess child) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest live =
        HttpRequest.newBuilder(URI.create(url(service) + "/q/health/live"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) {
        throw new IllegalStateException(
            service
                + " exited after it started. Last lines of "
                + child.logFile()
                + ":\n"
                + child.logTail());
      }
      try {
        if (http.send(live, HttpResponse.BodyHandlers.discarding()).statusCode() < 500) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        service
            + " does not answer on "
            + url(service)
            + " 30 s after it started. Last lines of "
            + child.logFile()
            + ":\n"
            + child.logTail());
  }

  /** Stops the services (fetcher first, so nothing new enters), then the stack. */
  @Override
  public void close() {
    List<Service> reverse = new ArrayList<>(services.keySet());
    Collections.reverse(reverse);
    for (Service service : reverse) {
      try {
        services.get(service).stop(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    stack.close();
  }
}
