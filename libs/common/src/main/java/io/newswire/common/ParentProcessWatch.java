package io.newswire.common;

import io.newswire.embedded.child.ParentWatch;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * When a launcher (such as {@code ./newswire up}) starts this service as a child and passes its pid
 * in {@code newswire.parent-pid}, the service stops once that process is gone, so a killed launcher
 * never leaves services behind.
 */
@ApplicationScoped
public class ParentProcessWatch {
  private static final Logger LOG = Logger.getLogger(ParentProcessWatch.class);

  @ConfigProperty(name = "newswire.parent-pid")
  Optional<Long> parentPid;

  void onStart(@Observes StartupEvent event) {
    if (parentPid.isEmpty()) {
      return;
    }
    long pid = parentPid.get();
    ParentWatch.watch(
        pid,
        () -> {
          LOG.warnf("Launcher process %d is gone; stopping", pid);
          Quarkus.asyncExit(0);
        });
  }
}
