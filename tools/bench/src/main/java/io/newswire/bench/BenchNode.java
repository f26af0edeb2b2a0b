package io.newswire.bench;

import io.newswire.launcher.ChildProcess;
import io.newswire.launcher.FreePorts;
import io.newswire.launcher.RepoLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedded Elasticsearch 7.10 node for a benchmark, in its own JVM with the full JIT. The
 * embedded stack runs its node with C1 only (fast start-up for development), which would handicap
 * the baseline: a benchmark measures both sides at their best. Same classpath and main as the
 * stack's.
 */
public final class BenchNode implements AutoCloseable {
  private static final String MAIN = "io.newswire.embedded.elasticsearch.ElasticsearchNodeMain";
  private static final String READY = "NEWSWIRE-READY elasticsearch ";

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
    String classpath = RepoLayout.at(repoRoot).elasticsearchClasspath();
    // the cluster runner refuses HTTP ports above 9299
    int port = FreePorts.inRange(9200, 9299);
    Path data = workDir.resolve("elasticsearch");
    ChildProcess child =
        ChildProcess.java("Elasticsearch", MAIN)
            .classpath(classpath)
            .jvmArgs("-Xms" + heap, "-Xmx" + heap, "-Djava.awt.headless=true")
            .args("--data", data.toString(), "--http-port", String.valueOf(port))
            .workingDir(workDir)
            .logFile(workDir.resolve("elasticsearch.log"))
            .readyPrefix(READY)
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
