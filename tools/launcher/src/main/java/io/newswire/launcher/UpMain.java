package io.newswire.launcher;

import io.newswire.model.Service;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./newswire up}: runs the embedded stack and the four services until Ctrl-C, waits until
 * the reports already in the watched folder are searchable, and says where to look. {@code UpMain
 * --data DIR --sources FILE --watch DIR [--fresh]}.
 */
@Command(
    name = "up",
    description =
        "Runs Kafka, Elasticsearch and the services until Ctrl-C, and says where to look once the"
            + " reports in the watched folder are searchable.")
public final class UpMain implements Callable<Integer> {
  /** Written into the data directory while running: the services' URLs, for the CLI. */
  public static final String UP_FILE = "up.properties";

  private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "where Kafka, Elasticsearch, the keys and the logs keep their data"
              + " (default: ${DEFAULT-VALUE})")
  Path data = Path.of(".newswire/data");

  @Option(
      names = "--sources",
      paramLabel = "FILE",
      description = "the fetcher's sources file (default: ${DEFAULT-VALUE})")
  Path sources = Path.of("config/sources.yaml");

  @Option(
      names = "--watch",
      paramLabel = "DIR",
      description =
          "the folder whose reports are counted until searchable (default: ${DEFAULT-VALUE})")
  Path watch = Path.of("deploy/seed/reports");

  @Option(names = "--fresh", description = "wipe the data folder first")
  boolean fresh;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "show this help")
  boolean help;

  public static void main(String[] argv) {
    int code = new CommandLine(new UpMain()).execute(argv);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public Integer call() throws Exception {
    run(data.toAbsolutePath().normalize(), sources.toAbsolutePath(), watch.toAbsolutePath(), fresh);
    return 0;
  }

  private static void run(Path data, Path sources, Path watch, boolean fresh) throws Exception {
    if (fresh) {
      StackFiles.wipe(data);
    }
    Files.createDirectories(data);
    Map<Service, Integer> ports = new EnumMap<>(Service.class);
    for (Service service : Service.values()) {
      ports.put(service, FreePorts.isFree(service.defaultPort()) ? service.defaultPort() : 0);
    }

    long started = System.nanoTime();
    System.out.println(
        "Starting Newswire (data in " + data + ", logs in " + data.resolve("logs") + ")");
    Pipeline pipeline;
    try {
      pipeline =
          Pipeline.start(
              new Pipeline.Options(
                  data,
                  Path.of("").toAbsolutePath(),
                  sources,
                  ports,
                  List.of("-Xmx512m"),
                  Map.of()),
              message -> System.out.println("  " + message));
    } catch (RuntimeException e) {
      fail("Newswire did not start: " + e.getMessage());
      return;
    }
    Path upFile = data.resolve(UP_FILE);
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean stopping = new AtomicBoolean();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopping.set(true);
                  System.out.println("\nStopping Newswire...");
                  TempDirs.deleteQuietly(upFile);
                  pipeline.close();
                  stopped.countDown();
                },
                "newswire-stop"));
    StringBuilder props = new StringBuilder();
    for (Service service : Service.START_ORDER) {
      props.append(service.urlKey()).append('=').append(pipeline.url(service)).append('\n');
    }
    props.append("elasticsearch.url=").append(pipeline.stack().elasticsearchUrl()).append('\n');
    props
        .append("kafka.bootstrap.servers=")
        .append(pipeline.stack().bootstrapServers())
        .append('\n');
    Files.writeString(upFile, props, StandardCharsets.UTF_8);

    long reports = countReports(watch);
    awaitIndexed(pipeline.stack().elasticsearchUrl(), reports);
    System.out.printf("%nNewswire is up in %.0f s.%n", (System.nanoTime() - started) / 1e9);
    System.out.println(
        "Console      "
            + pipeline.consoleSignInUrl()
            + "  (open it to search in the browser;"
            + " it signs you in)");
    System.out.println("  Watching   " + watch + " (drop .txt/.html reports here)");
    System.out.println("  Sources    " + sources);
    System.out.println(
        "  Search     ./newswire search \"Lavrov\"   or   curl -H \"Authorization: Bearer $(cat "
            + data.resolve(Pipeline.CLI_KEY_FILE)
            + ")\" "
            + pipeline.url(Service.INDEXER)
            + "/search?q=Lavrov");
    System.out.println(
        "  Alerts     ./newswire alerts add --name NATO --query NATO;  ./newswire alerts tail");
    System.out.println(
        "  Elasticsearch " + pipeline.stack().elasticsearchUrl() + "/newswire/_search");
    System.out.println(
        "  Health     "
            + pipeline.url(Service.INDEXER)
            + "/q/health/ready (same path on every service, no key needed)");
    System.out.println(
        "  API key    "
            + data.resolve(Pipeline.CLI_KEY_FILE)
            + " (admin, mode 0600; the CLI sends it."
            + " Others: ./newswire keys add --name NAME --role reader)");
    System.out.println(
        "  Listening  on 127.0.0.1 only (quarkus.http.host in config/application.properties opens it)");
    System.out.println("Press Ctrl-C to stop.");
    for (Service service : Service.START_ORDER) {
      ChildProcess child = pipeline.process(service);
      child
          .onExit()
          .thenAccept(
              code -> {
                if (!stopping.get()) {
                  System.err.println(
                      service + " exited with code " + code + "; see " + child.logFile());
                }
              });
    }
    stopped.await();
  }

  private static long countReports(Path watch) throws IOException {
    if (!Files.isDirectory(watch)) {
      return 0;
    }
    try (var files = Files.walk(watch)) {
      return files.filter(p -> p.toString().matches(".*\\.(txt|html|htm)$")).count();
    }
  }

  /** Shows indexing progress until the reports already in the folder are searchable, or 90 s. */
  private static void awaitIndexed(String elasticsearch, long expected)
      throws InterruptedException {
    if (expected == 0) {
      return;
    }
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest count =
        HttpRequest.newBuilder(URI.create(elasticsearch + "/newswire/_count"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long last = -1;
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      long indexed = 0;
      try {
        Matcher m = COUNT.matcher(http.send(count, HttpResponse.BodyHandlers.ofString()).body());
        indexed = m.find() ? Long.parseLong(m.group(1)) : 0;
      } catch (IOException e) {
        // index not created yet
      }
      if (indexed != last) {
        System.out.printf(
            "  searchable: %d of the %d reports in the watched folder%n", indexed, expected);
        last = indexed;
      }
      if (indexed >= expected) {
        return;
      }
      Thread.sleep(500);
    }
    System.out.println("  (still indexing; see the logs if this does not move)");
  }

  private static void fail(String message) {
    System.err.println(message);
    System.exit(1);
  }
}
