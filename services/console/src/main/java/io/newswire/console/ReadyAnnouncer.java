package io.newswire.console;

import io.newswire.model.Service;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Prints the console's {@link Service#readyLine ready line} once started, the line the launcher
 * waits for. Newswire-common's announcer does the same for the other services; depending on common
 * would bring its Kafka clients and API-key mechanism into a service that uses neither.
 */
@ApplicationScoped
public class ReadyAnnouncer {
  @ConfigProperty(name = "quarkus.http.port")
  int port;

  void onStart(@Observes StartupEvent event) {
    System.out.println(Service.CONSOLE.readyLine(port));
    System.out.flush();
  }
}
