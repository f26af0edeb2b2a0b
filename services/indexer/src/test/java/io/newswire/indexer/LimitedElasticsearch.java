package io.newswire.indexer;

import io.newswire.launcher.ChildProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * A real Elasticsearch 7.10 node of its own with a small {@code http.max_content_length}, for the
 * test of what the indexer does when a request is refused as too large. The shared embedded node
 * takes no node settings (its start-up rewrites {@code elasticsearch.yml}), and this one is a
 * static setting, so the node is started here: the same cluster runner and classpath as the
 * embedded one (built by {@code deploy/embedded/elasticsearch}), with a settings file written
 * beforehand, in a child JVM that ends itself when this one is gone.
 */
final class LimitedElasticsearch implements AutoCloseable {
  private static final String RUNNER =
      "org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private final ChildProcess child;
  private final int port;

  private LimitedElasticsearch(ChildProcess child, int port) {
    this.child = child;
    this.port = port;
  }

  /** Starts the node in {@code dir} and returns once its cluster is yellow. */
  static LimitedElasticsearch start(Path dir, String maxContentLength)
      throws IOException, InterruptedException {
    int port = freePort();
    String cluster = "limited-" + ProcessHandle.current().pid();
    Path config = Files.createDirectories(dir.resolve("node_1").resolve("config"));
    Files.writeString(
        config.resolve("elasticsearch.yml"),
        String.join(
            "\n",
            "network.host: 127.0.0.1",
            "discovery.type: single-node",
            "cluster.routing.allocation.disk.threshold_enabled: false",
            "http.max_content_length: " + maxContentLength,
            ""),
        StandardCharsets.UTF_8);
    ChildProcess child =
        ChildProcess.java(
                "Elasticsearch (http.max_content_length " + maxContentLength + ")",
                Main.class.getName())
            .classpath(classpath())
            .jvmArgs("-XX:TieredStopAtLevel=1", "-Xms256m", "-Xmx512m", "-Djava.awt.headless=true")
            // the runner's HTTP port is the base port + 1
            .args(
                "-basePath",
                dir.toString(),
                "-numOfNode",
                "1",
                "-baseHttpPort",
                String.valueOf(port - 1),
                "-clusterName",
                cluster,
                "-disableESLogger")
            .workingDir(dir)
            .logFile(dir.resolve("elasticsearch.log"))
            .start();
    LimitedElasticsearch node = new LimitedElasticsearch(child, port);
    try {
      node.awaitYellow(cluster);
      return node;
    } catch (RuntimeException | InterruptedException e) {
      child.kill();
      throw e;
    }
  }

  int port() {
    return port;
  }

  @Override
  public void close() throws InterruptedException {
    child.stop(Duration.ofSeconds(15));
  }

  private void awaitYellow(String cluster) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + port
                        + "/_cluster/health?wait_for_status=yellow&timeout=5s"))
            .timeout(Duration.ofSeconds(10))
            .build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline && child.isAlive()) {
      try {
        HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
        // the cluster name tells this node from another one that may have the port
        if (response.statusCode() == 200
            && response.body().contains("\"cluster_name\":\"" + cluster + "\"")) {
          return;
        }
        last = response.statusCode() + " " + response.body();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "The limited Elasticsearch node on port "
            + port
            + " is not ready; last answer: "
            + last
            + "; last lines of "
            + child.logFile()
            + ":\n"
            + child.logTail());
  }

  /** The embedded node's classpath, and this class's own folder for {@link Main}. */
  private static String classpath() throws IOException {
    Path module =
        Path.of(System.getProperty("newswire.root", "../.."))
            .resolve("deploy/embedded/elasticsearch/target");
    Path list = module.resolve("classpath.txt");
    if (!Files.isRegularFile(list)) {
      throw new IllegalStateException(
          list + " is missing: build deploy/embedded/elasticsearch first");
    }
    String resource = Main.class.getName().replace('.', '/') + ".class";
    URL url = ClassLoader.getSystemClassLoader().getResource(resource);
    if (url == null || !"file".equals(url.getProtocol())) {
      throw new IllegalStateException(
          "Cannot find the folder of " + resource + " (found " + url + ")");
    }
    Path own;
    try {
      own = Path.of(url.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    for (int i = 0; i < Main.class.getPackageName().split("\\.").length; i++) {
      own = own.getParent();
    }
    return String.join(
        java.io.File.pathSeparator,
        module.resolve("classes").toString(),
        Files.readString(list, StandardCharsets.UTF_8).trim(),
        own.toString());
  }

  /** The cluster runner refuses HTTP ports above 9299. */
  private static int freePort() throws IOException {
    for (int port = 9299; port > 9200; port--) {
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return port;
      } catch (IOException taken) {
        // try the next one
      }
    }
    throw new IOException("No free port in 9201-9299 for the limited Elasticsearch node");
  }

  /**
   * Main of the child JVM: the cluster runner, ended as soon as the JVM that started it is gone.
   */
  public static final class Main {
    public static void main(String[] args) throws Exception {
      long parent = Long.parseLong(args[args.length - 1]); // ChildProcess appends --parent-pid PID
      ProcessHandle.of(parent)
          .ifPresentOrElse(
              handle -> handle.onExit().thenRun(() -> Runtime.getRuntime().halt(0)),
              () -> Runtime.getRuntime().halt(0));
      Class.forName(RUNNER)
          .getMethod("main", String[].class)
          .invoke(null, (Object) Arrays.copyOf(args, args.length - 2));
    }
  }
}
