package io.newswire.launcher;

import io.newswire.model.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance of a service as a child JVM, run from its built Quarkus application with what every
 * launch gives it: its HTTP port, the broker and the Elasticsearch node, the launcher's pid to
 * watch, an instance id of its own, and the {@link Service#readyLine ready line} to wait for. The
 * pipeline and the benchmarks start services through it.
 */
public final class ServiceLaunch {
  private final Service service;
  private final Path runJar;
  private String instance;
  private int port;
  private String bootstrapServers;
  private String elasticsearchUrl;
  private final List<String> jvmArgs = new ArrayList<>();
  private final Map<String, String> properties = new LinkedHashMap<>();
  private Path workingDir = Path.of("").toAbsolutePath();
  private Path logFile;

  private ServiceLaunch(Service service, Path repoRoot) {
    this.service = service;
    this.runJar = service.runJar(repoRoot);
    this.instance = service.id();
  }

  /**
   * A launch of {@code service} from the repository at {@code repoRoot}.
   *
   * @throws IllegalStateException if the service is not built, saying how to build it
   */
  public static ServiceLaunch of(Service service, Path repoRoot) {
    Path jar = service.runJar(repoRoot);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "the "
              + service
              + " service is not built ("
              + jar
              + " is missing); run ./newswire build in "
              + repoRoot
              + " first");
    }
    return new ServiceLaunch(service, repoRoot);
  }

  /**
   * The instance's name in logs and its instance id, e.g. {@code cleaner-2}; the service's own by
   * default.
   */
  public ServiceLaunch instance(String name) {
    this.instance = name;
    return this;
  }

  public ServiceLaunch port(int port) {
    this.port = port;
    return this;
  }

  public ServiceLaunch kafka(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    return this;
  }

  /** The node's base URL, e.g. {@code http://127.0.0.1:9200}. */
  public ServiceLaunch elasticsearch(String url) {
    this.elasticsearchUrl = url;
    return this;
  }

  /** JVM options, before the settings. */
  public ServiceLaunch jvmArgs(List<String> args) {
    jvmArgs.addAll(args);
    return this;
  }

  /** A setting, given as a system property (after, and so over, those the launch sets itself). */
  public ServiceLaunch property(String key, String value) {
    properties.put(key, value);
    return this;
  }

  public ServiceLaunch properties(Map<String, String> settings) {
    properties.putAll(settings);
    return this;
  }

  public ServiceLaunch workingDir(Path dir) {
    this.workingDir = dir;
    return this;
  }

  public ServiceLaunch logFile(Path file) {
    this.logFile = file;
    return this;
  }

  public Service service() {
    return service;
  }

  /** Starts it; {@link ChildProcess#awaitReady} then waits for its ready line. */
  public ChildProcess start() throws IOException {
    if (port <= 0 || bootstrapServers == null || elasticsearchUrl == null || logFile == null) {
      throw new IllegalStateException(
          "a launch of " + instance + " needs a port, the broker, the node and a log file");
    }
    List<String> jvm = new ArrayList<>(jvmArgs);
    // a service out of memory exits, and is seen to, rather than limping on with a dead thread
    jvm.add("-XX:+ExitOnOutOfMemoryError");
    jvm.add("-Dquarkus.http.port=" + port);
    jvm.add("-Dkafka.bootstrap.servers=" + bootstrapServers);
    jvm.add("-Dquarkus.elasticsearch.hosts=" + elasticsearchUrl.replaceFirst("^https?://", ""));
    jvm.add("-Dnewswire.parent-pid=" + ProcessHandle.current().pid());
    jvm.add("-Dnewswire.instance-id=" + instance + "-" + ProcessHandle.current().pid());
    properties.forEach((k, v) -> jvm.add("-D" + k + "=" + v));
    return ChildProcess.java(instance, Service.QUARKUS_ENTRY_POINT)
        .classpath(runJar.toString())
        .jvmArgs(jvm.toArray(String[]::new))
        .passParentPid(
            false) // the parent pid goes as newswire.parent-pid, which ParentProcessWatch reads
        .workingDir(workingDir)
        .logFile(logFile)
        .readyPrefix(Service.READY_PREFIX + service.id())
        .start();
  }
}
