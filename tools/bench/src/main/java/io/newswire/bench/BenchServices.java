package io.newswire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.launcher.ChildProcess;
import io.newswire.launcher.FreePorts;
import io.newswire.launcher.ServiceLaunch;
import io.newswire.model.Json;
import io.newswire.model.Service;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Services as child JVMs, run from their built Quarkus applications the way the embedded pipeline
 * runs them, but only those a benchmark times (the cleaner and the indexer for raw-to-searchable,
 * the indexer and the console for search; the others would compete for the same cores) and with the
 * full JIT.
 */
final class BenchServices implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

  /** One running instance: its name (e.g. {@code cleaner-1}), service, process and HTTP port. */
  record Instance(String name, Service service, ChildProcess process, int port) {}

  private final List<Instance> instances = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * Starts {@code cleaners} cleaner instances (one consumer group, so they share the raw
   * partitions) and one indexer, and returns once every one holds its partitions.
   *
   * @param properties extra settings for every service, as system properties
   * @param jvmArgs extra JVM options for every service (e.g. a flight recording); {@code {name}} in
   *     them becomes the instance's name
   */
  static BenchServices start(
      Path repoRoot,
      Path workDir,
      String bootstrapServers,
      String esUrl,
      int cleaners,
      Map<String, String> properties,
      List<String> jvmArgs)
      throws IOException, InterruptedException {
    List<String> names = new ArrayList<>(List.of("indexer"));
    for (int i = 1; i <= cleaners; i++) {
      names.add("cleaner-" + i);
    }
    return start(repoRoot, workDir, bootstrapServers, esUrl, names, properties, jvmArgs);
  }

  /**
   * Starts the instances {@code names} (a service, or {@code service-N} for one of several) and
   * returns once every one is ready: a consuming service once its consumer holds partitions.
   *
   * @param properties extra settings for every service, as system properties; {@code {port:NAME}}
   *     in a value becomes the HTTP port of instance NAME (e.g. the console's {@code
   *     newswire.console.indexer-url})
   * @param jvmArgs extra JVM options for every service; {@code {name}} in them becomes the
   *     instance's name
   */
  static BenchServices start(
      Path repoRoot,
      Path workDir,
      String bootstrapServers,
      String esUrl,
      List<String> names,
      Map<String, String> properties,
      List<String> jvmArgs)
      throws IOException, InterruptedException {
    BenchServices services = new BenchServices();
    try {
      Map<String, Integer> ports = new LinkedHashMap<>();
      for (String name : names) {
        ports.put(name, FreePorts.any());
      }
      for (String name : names) {
        Service service = Service.of(name.replaceFirst("-\\d+$", ""));
        int port = ports.get(name);
        List<String> jvm = new ArrayList<>(List.of("-Xms512m", "-Xmx512m"));
        jvmArgs.forEach(a -> jvm.add(a.replace("{name}", name)));
        ServiceLaunch launch =
            ServiceLaunch.of(service, repoRoot)
                .instance(name)
                .port(port)
                .kafka(bootstrapServers)
                .elasticsearch(esUrl)
                .jvmArgs(jvm)
                .workingDir(workDir)
                .logFile(workDir.resolve("logs/" + name + ".log"));
        properties.forEach((k, v) -> launch.property(k, withPorts(v, ports)));
        services.instances.add(new Instance(name, service, launch.start(), port));
      }
      for (Instance instance : services.instances) {
        instance.process().awaitReady(READY_TIMEOUT);
      }
      services.awaitConsuming();
      return services;
    } catch (IOException | RuntimeException | InterruptedException e) {
      services.close();
      throw e;
    }
  }

  private static String withPorts(String value, Map<String, Integer> ports) {
    String out = value;
    for (Map.Entry<String, Integer> port : ports.entrySet()) {
      out = out.replace("{port:" + port.getKey() + "}", String.valueOf(port.getValue()));
    }
    return out;
  }

  /** The running instance called {@code name}. */
  Instance instance(String name) {
    return instances.stream()
        .filter(i -> i.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no instance " + name + " among " + instances));
  }

  List<Instance> instances() {
    return instances;
  }

  /**
   * Sum over the instances of {@code service} of a figure their readiness check reports ({@code
   * processed} for the cleaner, {@code indexed} for the indexer).
   */
  long counter(Service service, String figure) throws InterruptedException {
    long sum = 0;
    for (Instance instance : instances) {
      if (instance.service() == service) {
        JsonNode health = health(instance);
        for (JsonNode check :
            health == null ? Json.mapper().createArrayNode() : health.path("checks")) {
          sum += check.path("data").path(figure).asLong();
        }
      }
    }
    return sum;
  }

  /** Every instance is alive; throws with the end of the log of one that is not. */
  void checkAlive() {
    for (Instance instance : instances) {
      if (!instance.process().isAlive()) {
        throw new IllegalStateException(
            instance.name()
                + " exited; last lines of "
                + instance.process().logFile()
                + ":\n"
                + instance.process().logTail());
      }
    }
  }

  /**
   * Readiness is up once a service's consumer holds partitions: producing before that would time
   * the join.
   */
  private void awaitConsuming() throws InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    Map<String, Boolean> up = new LinkedHashMap<>();
    while (System.nanoTime() < deadline) {
      checkAlive();
      for (Instance instance : instances) {
        JsonNode health = health(instance);
        up.put(instance.name(), health != null && "UP".equals(health.path("status").asText()));
      }
      if (!up.containsValue(false)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "services not consuming within " + READY_TIMEOUT.toSeconds() + " s: " + up);
  }

  private JsonNode health(Instance instance) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + instance.port() + "/q/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    try {
      byte[] body = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
      return body.length == 0 ? null : Json.mapper().readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (Instance instance : instances) {
      instance.process().stop(Duration.ofSeconds(10));
    }
  }
}
