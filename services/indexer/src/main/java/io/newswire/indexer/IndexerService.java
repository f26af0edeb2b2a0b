package io.newswire.indexer;

import io.newswire.common.LoopHealth;
import io.newswire.kafka.KafkaClients;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.elasticsearch.client.RestClient;

/** Quarkus shell of the indexer: runs {@link IndexerLoop} on its own thread. */
// its own readiness check; @Readiness is a qualifier, so @Default keeps it injectable as it is
@Readiness
@Default
@ApplicationScoped
public class IndexerService implements HealthCheck {
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

  /** Its readiness ({@code /q/health/ready}): {@link #health}. */
  @Override
  public HealthCheckResponse call() {
    return health();
  }

  /**
   * Readiness as reported by {@code /q/health/ready}, with the loop's restarts and last failure.
   */
  public HealthCheckResponse health() {
    boolean up = loop != null && loop.ready();
    HealthCheckResponseBuilder health =
        HealthCheckResponse.named("indexer-loop")
            .status(up)
            .withData("indexed", loop == null ? 0 : loop.indexed())
            .withData("deadLettered", loop == null ? 0 : loop.deadLettered());
    if (loop != null) {
      LoopHealth.describe(health, "", loop.status());
    }
    return health.build();
  }
}
