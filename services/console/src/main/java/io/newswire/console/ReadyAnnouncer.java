package io.newswire.console;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Prints {@code NEWSWIRE-READY console <http port>} once started, the line the launcher waits for.
 * The same line as newswire-common's announcer, written here because depending on common would
 * bring its Kafka clients and API-key mechanism into a service that uses neither.
 */
@ApplicationScoped
public class ReadyAnnouncer {
  @ConfigProperty(name = "quarkus.application.name")
  String name;

  @ConfigProperty(name = "quarkus.http.port")
  int port;

  void onStart(@Observes StartupEvent event) {
    System.out.println("NEWSWIRE-READY " + name.replace("newswire-", "") + " " + port);
    System.out.flush();
  }
}
