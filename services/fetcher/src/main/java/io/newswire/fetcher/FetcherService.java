package io.newswire.fetcher;

import io.micrometer.core.instrument.MeterRegistry;
import io.newswire.kafka.KafkaClients;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The Quarkus shell around one {@link FetcherNode}. */
@ApplicationScoped
public class FetcherService {
  @Inject KafkaClients kafka;
  @Inject FetcherConfig config;
  @Inject MeterRegistry registry;

  @ConfigProperty(name = "newswire.instance-id", defaultValue = "local")
  String instanceId;

  private FetcherNode node;

  void onStart(@Observes StartupEvent event) {
    node = new FetcherNode(config, kafka, registry, instanceId).start();
  }

  void onStop(@Observes ShutdownEvent event) {
    if (node != null) {
      node.close();
    }
  }

  public boolean ready() {
    return node != null && node.ready();
  }

  public FetcherNode node() {
    return node;
  }
}
