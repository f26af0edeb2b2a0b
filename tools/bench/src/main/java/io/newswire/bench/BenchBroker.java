package io.newswire.bench;

import io.newswire.launcher.ChildProcess;
import io.newswire.launcher.EmbeddedServers;
import io.newswire.launcher.FreePorts;
import io.newswire.launcher.RepoLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedded Kafka broker for a benchmark, in its own JVM with the full JIT. The embedded stack
 * runs it with C1 only (fast start-up for development), which would handicap the pipeline side the
 * same way {@link BenchNode} explains for Elasticsearch. Started as the stack starts it ({@link
 * EmbeddedServers}).
 */
public final class BenchBroker implements AutoCloseable {
  private final ChildProcess process;
  private final String bootstrapServers;

  private BenchBroker(ChildProcess process, String bootstrapServers) {
    this.process = process;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Starts a broker on a fresh data directory under {@code workDir} and returns once it is ready.
   */
  public static BenchBroker start(Path repoRoot, Path workDir)
      throws IOException, InterruptedException {
    int port = FreePorts.any();
    int controllerPort = FreePorts.any();
    ChildProcess child =
        EmbeddedServers.kafka(
                RepoLayout.at(repoRoot),
                workDir,
                port,
                controllerPort,
                workDir.resolve("logs/kafka.log"))
            .jvmArgs("-Xms512m", "-Xmx512m")
            .startReady(Duration.ofSeconds(180));
    return new BenchBroker(child, "127.0.0.1:" + port);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public long pid() {
    return process.pid();
  }

  @Override
  public void close() throws InterruptedException {
    process.stop(Duration.ofSeconds(15));
  }
}
