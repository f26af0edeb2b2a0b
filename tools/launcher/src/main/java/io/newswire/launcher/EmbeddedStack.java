package io.newswire.launcher;

import io.newswire.model.ApiKeyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A real Kafka broker (KRaft, one node) and a real Elasticsearch 7.10 node, each in its own child
 * JVM, on free loopback ports, with all data under one directory that survives restarts: {@code
 * DIR/kafka}, {@code DIR/elasticsearch} and the children's output in {@code
 * DIR/logs/{kafka,elasticsearch}.log}.
 *
 * <p>The children stop themselves within a second if this JVM dies without {@link #close()}. The
 * server modules must have been built ({@code mvn -q install -DskipTests}).
 */
public final class EmbeddedStack implements AutoCloseable {

  /** How long each server may take to print its ready line; raise it on a very busy machine. */
  public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(120);

  private static final int KAFKA_PORT_FROM = 20000;
  private static final int KAFKA_PORT_TO = 32000;

  private static EmbeddedStack shared;

  private final Path dataDir;
  private final Consumer<String> progress;
  private final Duration readyTimeout;
  private final String bootstrapServers;
  private final String elasticsearchUrl;
  private final ChildProcess.Builder kafkaSpec;
  private final ChildProcess.Builder elasticsearchSpec;
  private volatile ChildProcess kafka;
  private volatile ChildProcess elasticsearch;

  private final Map<String, String> kafkaUsers;

  private EmbeddedStack(
      Path dataDir,
      Consumer<String> progress,
      Duration readyTimeout,
      RepoLayout layout,
      Map<String, String> kafkaUsers,
      String aclUser)
      throws IOException {
    this.dataDir = dataDir;
    this.kafkaUsers = Map.copyOf(kafkaUsers);
    this.progress = progress;
    this.readyTimeout = readyTimeout;
    Path logs = dataDir.resolve("logs");

    // Below Linux's ephemeral range (32768+): after a kill, the restart binds the same port again,
    // and an ephemeral port may meanwhile have been taken by some outgoing connection.
    int kafkaPort = FreePorts.inRange(KAFKA_PORT_FROM, KAFKA_PORT_TO);
    int controllerPort = FreePorts.inRange(KAFKA_PORT_FROM, KAFKA_PORT_TO);
    this.bootstrapServers = "127.0.0.1:" + kafkaPort;
    List<String> kafkaArgs = new ArrayList<>();
    if (!kafkaUsers.isEmpty()) {
      Path users = dataDir.resolve("kafka-users.properties");
      StringBuilder lines = new StringBuilder();
      kafkaUsers.forEach((u, pw) -> lines.append(u).append('=').append(pw).append('\n'));
      ApiKeyFile.writeSecret(users, lines.toString());
      kafkaArgs.addAll(List.of("--sasl-users", users.toString()));
      if (aclUser != null) {
        kafkaArgs.addAll(List.of("--acl-user", aclUser));
      }
    }
    this.kafkaSpec =
        EmbeddedServers.kafka(layout, dataDir, kafkaPort, controllerPort, logs.resolve("kafka.log"))
            // C1 only: about half the start-up time and more early throughput on 2 cores
            .jvmArgs("-XX:TieredStopAtLevel=1", "-Xms256m", "-Xmx512m")
            .args(kafkaArgs.toArray(String[]::new));

    int esPort = FreePorts.inRange(EmbeddedServers.ES_PORT_FROM, EmbeddedServers.ES_PORT_TO);
    this.elasticsearchUrl = "http://127.0.0.1:" + esPort;
    this.elasticsearchSpec =
        EmbeddedServers.elasticsearch(layout, dataDir, esPort, logs.resolve("elasticsearch.log"))
            .jvmArgs("-XX:TieredStopAtLevel=1", "-Xms512m", "-Xmx1g");
  }

  /** {@link #start(Path, Consumer, Duration)} with {@link #DEFAULT_READY_TIMEOUT}. */
  public static EmbeddedStack start(Path dataDir, Consumer<String> progress) {
    return start(dataDir, progress, DEFAULT_READY_TIMEOUT);
  }

  /**
   * Starts both servers in parallel and returns once both are ready.
   *
   * @param dataDir where data and logs live; created if missing, reused if present
   * @param progress receives one-line human-readable status messages, possibly from other threads
   * @throws IllegalStateException if a server exits or is not ready in time; the message holds the
   *     end of its log, and nothing is left running
   */
  public static EmbeddedStack start(
      Path dataDir, Consumer<String> progress, Duration readyTimeout) {
    return start(dataDir, progress, readyTimeout, Map.of(), null);
  }

  /**
   * A stack whose broker authenticates every client (SASL/PLAIN) and authorizes with ACLs.
   *
   * @param kafkaUsers user name to password; {@code admin} is the super user. Empty: no security.
   * @param aclUser a user that gets the ACLs Newswire's services need, or null
   */
  public static EmbeddedStack start(
      Path dataDir,
      Consumer<String> progress,
      Duration readyTimeout,
      Map<String, String> kafkaUsers,
      String aclUser) {
    Path dir = dataDir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir.resolve("logs"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the stack's data directory " + dir, e);
    }
    EmbeddedStack stack;
    try {
      stack =
          new EmbeddedStack(dir, progress, readyTimeout, RepoLayout.find(), kafkaUsers, aclUser);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the broker's users in " + dir, e);
    }
    try {
      stack.kafka = stack.launch(stack.kafkaSpec);
      stack.elasticsearch = stack.launch(stack.elasticsearchSpec);
      stack.awaitReady(stack.kafka, stack.bootstrapServers);
      stack.awaitReady(stack.elasticsearch, stack.elasticsearchUrl);
      return stack;
    } catch (IOException | RuntimeException e) {
      stack.close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    } catch (InterruptedException e) {
      stack.close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the embedded stack was starting", e);
    }
  }

  /**
   * One stack per JVM, for test resources of several test classes: started in a temporary directory
   * on the first call (or again if a server has died), stopped and deleted when the JVM exits.
   * Callers must not {@link #close()} it.
   */
  public static synchronized EmbeddedStack shared(Consumer<String> progress) {
    if (shared != null && shared.isRunning()) {
      return shared;
    }
    if (shared != null) {
      shared.close();
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("newswire-stack-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for the stack", e);
    }
    EmbeddedStack stack = start(dir, progress);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stack.close();
                  TempDirs.deleteQuietly(dir);
                },
                "newswire-shared-stack-shutdown"));
    shared = stack;
    return stack;
  }

  /** Whether both servers are running (a killed one has not been restarted yet). */
  public boolean isRunning() {
    return kafka != null && kafka.isAlive() && elasticsearch != null && elasticsearch.isAlive();
  }

  /** The Kafka {@code bootstrap.servers} value, e.g. {@code 127.0.0.1:40123}. */
  /**
   * The {@code kafka.}-less client settings that log in as {@code user}: empty when the broker has
   * no security, else {@code security.protocol}, {@code sasl.mechanism} and {@code
   * sasl.jaas.config}.
   */
  public Map<String, String> kafkaClientSecurity(String user) {
    if (kafkaUsers.isEmpty()) {
      return Map.of();
    }
    String password = kafkaUsers.get(user);
    if (password == null) {
      throw new IllegalArgumentException("the broker has no user '" + user + "'");
    }
    return Map.of(
        "security.protocol",
        "SASL_PLAINTEXT",
        "sasl.mechanism",
        "PLAIN",
        "sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
            + user
            + "\" password=\""
            + password
            + "\";");
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The Elasticsearch base URL, e.g. {@code http://127.0.0.1:9231}. */
  public String elasticsearchUrl() {
    return elasticsearchUrl;
  }

  public Path dataDir() {
    return dataDir;
  }

  public ChildProcess kafkaProcess() {
    return kafka;
  }

  public ChildProcess elasticsearchProcess() {
    return elasticsearch;
  }

  /** Kills the broker as a crash would (SIGKILL); {@link #restartKafka()} brings it back. */
  public void killKafka() throws InterruptedException {
    kafka.kill();
  }

  /** Starts the broker again on the same data and port; returns once it is ready. */
  public void restartKafka() throws IOException, InterruptedException {
    kafka.kill();
    kafka = launch(kafkaSpec);
    awaitReady(kafka, bootstrapServers);
  }

  /** Kills the node as a crash would (SIGKILL); {@link #restartElasticsearch()} brings it back. */
  public void killElasticsearch() throws InterruptedException {
    elasticsearch.kill();
  }

  /** Starts the node again on the same data and port; returns once health is yellow. */
  public void restartElasticsearch() throws IOException, InterruptedException {
    elasticsearch.kill();
    elasticsearch = launch(elasticsearchSpec);
    awaitReady(elasticsearch, elasticsearchUrl);
  }

  /** Stops both servers cleanly (SIGTERM, then a kill after 15 s), in parallel. */
  @Override
  public void close() {
    Thread kafkaStop = stopInBackground(kafka);
    Thread esStop = stopInBackground(elasticsearch);
    boolean interrupted = false;
    for (Thread t : new Thread[] {kafkaStop, esStop}) {
      while (t != null && t.isAlive()) {
        try {
          t.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread stopInBackground(ChildProcess child) {
    if (child == null || !child.isAlive()) {
      return null;
    }
    Thread t =
        new Thread(
            () -> {
              try {
                child.stop(ChildProcess.DEFAULT_STOP_GRACE);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "stop-" + child.name());
    t.start();
    return t;
  }

  private ChildProcess launch(ChildProcess.Builder spec) throws IOException {
    progress.accept("starting " + spec.name() + "...");
    return spec.start();
  }

  private void awaitReady(ChildProcess child, String address) throws InterruptedException {
    child.awaitReady(readyTimeout);
    progress.accept(
        String.format(
            Locale.ROOT,
            "%s ready on %s in %.1f s (log: %s)",
            child.name(),
            address,
            child.readyAfter().toMillis() / 1000.0,
            child.logFile()));
  }

  @Override
  public String toString() {
    return "EmbeddedStack[kafka="
        + bootstrapServers
        + ", elasticsearch="
        + elasticsearchUrl
        + ", data="
        + dataDir
        + "]";
  }
}
