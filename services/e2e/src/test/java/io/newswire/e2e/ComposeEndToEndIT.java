package io.newswire.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same scenario against the production-like images of {@code docker-compose.yml} (Kafka,
 * Elasticsearch 9 and the four service images). Runs wherever Docker is available (build the
 * services first: {@code mvn install}); skipped cleanly where it is not.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeEndToEndIT extends SeedScenario {
  private static final int HTTP = 8080;
  private static Path watched;
  private static ComposeContainer compose;

  @BeforeAll
  static void startCompose() throws Exception {
    watched = Files.createTempDirectory("newswire-compose-reports");
    watched.toFile().setWritable(true, false);
    compose = new ComposeContainer(new File(repoRoot().toFile(), "docker-compose.yml"))
        .withBuild(true)
        .withEnv("NEWSWIRE_REPORTS_DIR", watched.toString())
        .withServices("kafka", "elasticsearch", "fetcher", "cleaner", "indexer", "alerter")
        .withExposedService("elasticsearch", 9200, Wait.forHttp("/_cluster/health").withStartupTimeout(Duration.ofMinutes(3)))
        .withExposedService("indexer", HTTP, Wait.forHttp("/q/health/ready").withStartupTimeout(Duration.ofMinutes(3)))
        .withExposedService("alerter", HTTP, Wait.forHttp("/q/health/ready").withStartupTimeout(Duration.ofMinutes(3)))
        .withExposedService("fetcher", HTTP, Wait.forHttp("/q/health/ready").withStartupTimeout(Duration.ofMinutes(3)));
    compose.start();
  }

  @AfterAll
  static void stopCompose() {
    if (compose != null) {
      compose.stop();
    }
  }

  @Override
  String url(String service) {
    return "http://" + compose.getServiceHost(service, HTTP) + ":" + compose.getServicePort(service, HTTP);
  }

  @Override
  String elasticsearchUrl() {
    return "http://" + compose.getServiceHost("elasticsearch", 9200) + ":"
        + compose.getServicePort("elasticsearch", 9200);
  }

  @Override
  Path watched() {
    return watched;
  }
}
