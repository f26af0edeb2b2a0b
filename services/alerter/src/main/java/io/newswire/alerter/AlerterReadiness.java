package io.newswire.alerter;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the service's consumer holds its partitions. */
@Readiness
@ApplicationScoped
public class AlerterReadiness implements HealthCheck {
  private final AlerterService service;

  public AlerterReadiness(AlerterService service) {
    this.service = service;
  }

  @Override
  public HealthCheckResponse call() {
    return service.health();
  }
}
