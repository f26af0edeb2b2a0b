package io.newswire.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.model.Service;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The roster ({@link Service}) is the one list of services; what must repeat its names and ports
 * outside Java (each service's {@code application.properties}, the compose file, the settings file
 * the console's defaults are checked against) agrees with it, and {@code services/} holds exactly
 * its services (issue 15).
 */
class ServiceRosterTest {
  private static final Path ROOT = SeedScenario.repoRoot();

  @Test
  void servicesFolderHoldsTheRoster() throws IOException {
    try (Stream<Path> folders = Files.list(ROOT.resolve("services"))) {
      List<String> found =
          folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()).sorted().toList();
      List<String> roster = Arrays.stream(Service.values()).map(Service::id).sorted().toList();
      assertEquals(roster, found);
    }
  }

  @Test
  void eachServiceIsNamedAndListensAsTheRosterSays() throws IOException {
    for (Service service : Service.values()) {
      Properties props = new Properties();
      try (InputStream in =
          Files.newInputStream(
              ROOT.resolve(
                  "services/" + service.id() + "/src/main/resources/application.properties"))) {
        props.load(in);
      }
      assertEquals(service.applicationName(), props.getProperty("quarkus.application.name"));
      assertEquals(
          String.valueOf(service.defaultPort()),
          props.getProperty("quarkus.http.port"),
          service.id());
      assertEquals(service, Service.of(service.applicationName()));
    }
  }

  @Test
  void composePublishesEachApiOnItsDefaultPort() throws IOException {
    String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
    for (Service service : Service.values()) {
      if (service == Service.CLEANER) {
        continue; // its API (dead letters) is reached through the console inside compose
      }
      String published =
          "NEWSWIRE_"
              + service.id().toUpperCase(Locale.ROOT)
              + "_PORT-"
              + service.defaultPort()
              + "}";
      assertTrue(compose.contains(published), "docker-compose.yml lacks " + published);
    }
  }

  @Test
  void theConsoleLooksForItsBackendsOnTheirDefaultPorts() throws IOException {
    String settings = Files.readString(ROOT.resolve("config/application.properties"));
    for (Service backend : Service.CONSOLE_BACKENDS) {
      String line =
          "#newswire.console." + backend.id() + "-url=http://127.0.0.1:" + backend.defaultPort();
      assertTrue(settings.contains(line), "config/application.properties lacks " + line);
    }
  }
}
