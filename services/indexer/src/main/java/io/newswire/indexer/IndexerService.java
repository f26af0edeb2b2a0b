package io.newswire.indexer;

import io.newswire.common.KafkaClients;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.elasticsearch.client.RestClient;

/** Quarkus shell of the indexer: runs {@link IndexerLoop} on its own thread. */
@ApplicationScoped
public class IndexerService {
  private final KafkaClients clients;
  private final IndexerConfig config;
  private final Elastic es;
  private IndexerLoop loop;
  private Thread thread;

  public IndexerService(KafkaClients clients, IndexerConfig config, RestClient restClient) {
    this.clients = clients;
    this.config = config;
    this.es = new Elastic(restClient);
  }

  public Elastic elastic() {
    return es;
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.enabled()) {
      return;
    }
    loop = new IndexerLoop(clients, es, config);
    thread = new Thread(loop, "indexer-loop");
    thread.start();
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    if (loop != null) {
      loop.close();
      thread.join(10_000);
    }
  }

  /** Readiness as reported by {@code /q/health/ready}, with the loop's restarts and last failure. */
  public HealthCheckResponse health() {
    boolean up = loop != null && loop.ready();
    HealthCheckResponseBuilder health = HealthCheckResponse.named("indexer-loop")
        .status(up)
        .withData("indexed", loop == null ? 0 : loop.indexed())
        .withData("deadLettered", loop == null ? 0 : loop.deadLettered());
    if (loop != null) {
      loop.status().describe(health, "");
    }
    return health.build();
  }
}
