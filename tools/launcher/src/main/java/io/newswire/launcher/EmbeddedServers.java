package io.newswire.launcher;

import java.nio.file.Path;

/**
 * How the embedded Kafka broker and Elasticsearch node (deploy/embedded) are run as child JVMs:
 * their class paths, mains, arguments and ready lines, in one place for the stack and the
 * benchmarks. The caller adds its JVM options (the stack: C1 only, for start-up; a benchmark: the
 * full JIT) and starts the process.
 */
public final class EmbeddedServers {
  static final String KAFKA_MAIN = "io.newswire.embedded.kafka.KafkaBrokerMain";
  static final String KAFKA_READY = "NEWSWIRE-READY kafka ";
  static final String ES_MAIN = "io.newswire.embedded.elasticsearch.ElasticsearchNodeMain";
  static final String ES_READY = "NEWSWIRE-READY elasticsearch ";

  /** The cluster runner refuses HTTP ports above 9299. */
  public static final int ES_PORT_FROM = 9200;

  public static final int ES_PORT_TO = 9299;

  private EmbeddedServers() {}

  /**
   * A broker keeping its data in {@code dataDir/kafka}, listening on {@code port} for clients and
   * on {@code controllerPort} for its controller, logging to {@code logFile}.
   */
  public static ChildProcess.Builder kafka(
      RepoLayout layout, Path dataDir, int port, int controllerPort, Path logFile) {
    return ChildProcess.java("Kafka", KAFKA_MAIN)
        .classpath(layout.kafkaClasspath())
        .jvmArgs("-Djava.awt.headless=true")
        .args(
            "--data",
            dataDir.resolve("kafka").toString(),
            "--port",
            String.valueOf(port),
            "--controller-port",
            String.valueOf(controllerPort))
        .workingDir(dataDir)
        .logFile(logFile)
        .readyPrefix(KAFKA_READY);
  }

  /**
   * A node keeping its data in {@code dataDir/elasticsearch} and serving HTTP on {@code httpPort}
   * (between {@link #ES_PORT_FROM} and {@link #ES_PORT_TO}), logging to {@code logFile}.
   */
  public static ChildProcess.Builder elasticsearch(
      RepoLayout layout, Path dataDir, int httpPort, Path logFile) {
    return ChildProcess.java("Elasticsearch", ES_MAIN)
        .classpath(layout.elasticsearchClasspath())
        .jvmArgs("-Djava.awt.headless=true")
        .args(
            "--data",
            dataDir.resolve("elasticsearch").toString(),
            "--http-port",
            String.valueOf(httpPort))
        .workingDir(dataDir)
        .logFile(logFile)
        .readyPrefix(ES_READY);
  }
}
