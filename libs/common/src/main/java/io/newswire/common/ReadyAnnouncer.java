package io.newswire.common;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Prints {@code NEWSWIRE-READY <service> <http port>} once the service has started, the line a
 * launcher running it as a child process waits for.
 */
@ApplicationScoped
public class ReadyAnnouncer {
  @ConfigProperty(name = "quarkus.application.name", defaultValue = "newswire")
  String name;

  @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
  int port;

  void onStart(@Observes StartupEvent event) {
    System.out.println("NEWSWIRE-READY " + name.replace("newswire-", "") + " " + port);
    System.out.flush();
  }
}
