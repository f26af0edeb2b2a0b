package io.newswire.embedded.elasticsearch;

import io.newswire.embedded.child.ParentWatch;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner;

/**
 * A single Elasticsearch 7.10 node (the codelibs cluster runner: genuine Elasticsearch with its
 * standard modules) for development and tests, run as a child JVM by the embedded stack. Prints
 * {@code NEWSWIRE-READY elasticsearch http://127.0.0.1:PORT} once cluster health is yellow.
 */
public final class ElasticsearchNodeMain {

  public static final String READY_PREFIX = "NEWSWIRE-READY elasticsearch ";

  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(120);

  private ElasticsearchNodeMain() {}

  public static void main(String[] argv) {
    try {
      run(argv);
    } catch (Throwable e) {
      // exit explicitly: server threads already started would otherwise keep this JVM alive
      // with nothing serving, and the parent would only notice at its timeout
      System.err.println("the Elasticsearch node failed to start:");
      e.printStackTrace();
      System.exit(1);
    }
  }

  private static void run(String[] argv) throws Exception {
    Args args;
    try {
      args = Args.parse(argv);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    NodeConfig.write(args.data(), args.httpPort());

    ElasticsearchClusterRunner runner = new ElasticsearchClusterRunner();
    AtomicBoolean stopped = new AtomicBoolean();
    CountDownLatch closed = new CountDownLatch(1);
    Runnable stop =
        () -> {
          if (stopped.compareAndSet(false, true)) {
            try {
              runner.close();
            } catch (IOException | RuntimeException e) {
              System.err.println("closing the Elasticsearch node failed: " + e);
            } finally {
              closed.countDown();
            }
          }
        };
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "elasticsearch-shutdown"));
    args.parentPid().ifPresent(pid -> ParentWatch.start(pid, stop));

    // http.port must go through the settings builder: the runner otherwise sets its own
    // (base port + 1), and silently moves to the next port when that one is taken, which would
    // leave the parent waiting on the wrong port.
    runner.onBuild((index, settings) -> settings.put("http.port", args.httpPort()));
    runner.build(
        ElasticsearchClusterRunner.newConfigs()
            .basePath(args.data().toString())
            .numOfNode(1)
            .baseHttpPort(args.httpPort() - 1)
            .clusterName("newswire")
            .disableESLogger());

    String url = "http://127.0.0.1:" + args.httpPort();
    awaitYellow(url);
    System.out.println(READY_PREFIX + url);
    System.out.flush();
    // Elasticsearch's threads are all daemons: returning from main would end the JVM
    closed.await();
  }

  /**
   * Waits through HTTP rather than the runner's client so "ready" means what the services will see:
   * the REST layer is bound and the cluster state has recovered from disk.
   */
  private static void awaitYellow(String url) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(url + "/_cluster/health?wait_for_status=yellow&timeout=10s"))
            .timeout(Duration.ofSeconds(15))
            .build();
    long deadline = System.nanoTime() + HEALTH_TIMEOUT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && !response.body().contains("\"status\":\"red\"")) {
          return;
        }
        last = response.statusCode() + " " + response.body();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "Elasticsearch at "
            + url
            + " did not reach yellow health within "
            + HEALTH_TIMEOUT
            + "; last answer: "
            + last);
  }
}
