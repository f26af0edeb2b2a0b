package io.newswire.indexer;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the service's consumer holds its partitions. */
@Readiness
@ApplicationScoped
public class IndexerReadiness implements HealthCheck {
  private final IndexerService service;

  public IndexerReadiness(IndexerService service) {
    this.service = service;
  }

  @Override
  public HealthCheckResponse call() {
    return service.health();
  }
}
