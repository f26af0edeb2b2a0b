package io.newswire.cleaner;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the service's consumer holds its partitions. */
@Readiness
@ApplicationScoped
public class CleanerReadiness implements HealthCheck {
  private final CleanerService service;

  public CleanerReadiness(CleanerService service) {
    this.service = service;
  }

  @Override
  public HealthCheckResponse call() {
    return service.health();
  }
}
