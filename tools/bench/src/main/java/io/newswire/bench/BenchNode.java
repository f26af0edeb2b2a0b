package io.newswire.bench;

import io.newswire.launcher.ChildProcess;
import io.newswire.launcher.EmbeddedServers;
import io.newswire.launcher.FreePorts;
import io.newswire.launcher.RepoLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedded Elasticsearch 7.10 node for a benchmark, in its own JVM with the full JIT. The
 * embedded stack runs its node with C1 only (fast start-up for development), which would handicap
 * the baseline: a benchmark measures both sides at their best. Started as the stack starts it
 * ({@link EmbeddedServers}).
 */
public final class BenchNode implements AutoCloseable {
  private final ChildProcess process;
  private final String url;

  private BenchNode(ChildProcess process, String url) {
    this.process = process;
    this.url = url;
  }

  /**
   * Starts a node on a fresh data directory under {@code workDir} and returns once it is ready.
   *
   * @param heap e.g. {@code 1g}
   */
  public static BenchNode start(Path repoRoot, Path workDir, String heap)
      throws IOException, InterruptedException {
    int port = FreePorts.inRange(EmbeddedServers.ES_PORT_FROM, EmbeddedServers.ES_PORT_TO);
    ChildProcess child =
        EmbeddedServers.elasticsearch(
                RepoLayout.at(repoRoot), workDir, port, workDir.resolve("elasticsearch.log"))
            .jvmArgs("-Xms" + heap, "-Xmx" + heap)
            .startReady(Duration.ofSeconds(180));
    return new BenchNode(child, "http://127.0.0.1:" + port);
  }

  public String url() {
    return url;
  }

  @Override
  public void close() throws InterruptedException {
    process.stop(Duration.ofSeconds(15));
  }
}
