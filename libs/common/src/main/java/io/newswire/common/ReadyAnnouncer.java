package io.newswire.common;

import io.newswire.model.Service;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Prints the service's {@link Service#readyLine ready line} once it has started, the line a
 * launcher running it as a child process waits for.
 */
@ApplicationScoped
public class ReadyAnnouncer {
  @ConfigProperty(name = "quarkus.application.name", defaultValue = "newswire")
  String name;

  @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
  int port;

  void onStart(@Observes StartupEvent event) {
    // a test application of this library is none of the roster's, and no launcher waits for it
    Service.byApplicationName(name)
        .ifPresent(
            service -> {
              System.out.println(service.readyLine(port));
              System.out.flush();
            });
  }
}
