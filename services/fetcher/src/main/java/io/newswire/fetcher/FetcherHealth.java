package io.newswire.fetcher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the seen-state was read and the sources started. */
@Readiness
@ApplicationScoped
public class FetcherHealth implements HealthCheck {
  @Inject FetcherService service;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("fetcher").status(service.ready()).build();
  }
}
