package io.newswire.e2e;

import io.newswire.model.Json;
import io.newswire.model.Service;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same scenario against the production-like images of {@code docker-compose.yml} (Kafka,
 * Elasticsearch 9 and the four service images). Runs wherever Docker is available (build the
 * services first: {@code mvn install}); skipped cleanly where it is not. The passwords the file
 * requires are random per run, host ports are left to Docker, and the admin API key that
 * newswire-setup makes goes to a temporary folder rather than the checkout's .newswire/compose.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeEndToEndIT extends SeedScenario {
  private static final int HTTP = 8080;
  private static final String ELASTIC_PASSWORD = secret();
  private static Path watched;
  private static ComposeContainer compose;

  @BeforeAll
  static void startCompose() throws Exception {
    watched = Files.createTempDirectory("newswire-compose-reports");
    watched.toFile().setWritable(true, false);
    Path cliDir = Files.createTempDirectory("newswire-compose-cli");
    Map<String, String> env = new HashMap<>();
    env.put("NEWSWIRE_REPORTS_DIR", watched.toString());
    env.put("NEWSWIRE_CLI_DIR", cliDir.toString());
    env.put("NEWSWIRE_KAFKA_PASSWORD", secret());
    env.put("NEWSWIRE_KAFKA_ADMIN_PASSWORD", secret());
    env.put("NEWSWIRE_ELASTIC_PASSWORD", ELASTIC_PASSWORD);
    env.put("NEWSWIRE_KIBANA_PASSWORD", secret());
    env.put("NEWSWIRE_KIBANA_ENCRYPTION_KEY", secret() + secret());
    // empty: a free host port each, so a Newswire already running here is no obstacle
    for (String port : new String[] {"FETCHER", "INDEXER", "ALERTER", "ELASTICSEARCH", "KIBANA"}) {
      env.put("NEWSWIRE_" + port + "_PORT", "");
    }
    compose =
        new ComposeContainer(new File(repoRoot().toFile(), "docker-compose.yml"))
            .withBuild(true)
            .withEnv(env)
            .withServices("kafka", "elasticsearch", "fetcher", "cleaner", "indexer", "alerter")
            .withExposedService(
                "elasticsearch",
                9200,
                Wait.forHttp("/_cluster/health")
                    .withBasicCredentials("elastic", ELASTIC_PASSWORD)
                    .withStartupTimeout(Duration.ofMinutes(3)))
            .withExposedService(
                "indexer",
                HTTP,
                Wait.forHttp("/q/health/ready").withStartupTimeout(Duration.ofMinutes(3)))
            .withExposedService(
                "alerter",
                HTTP,
                Wait.forHttp("/q/health/ready").withStartupTimeout(Duration.ofMinutes(3)))
            .withExposedService(
                "fetcher",
                HTTP,
                Wait.forHttp("/q/health/ready").withStartupTimeout(Duration.ofMinutes(3)));
    compose.start();
    Http.useKey(Files.readString(cliDir.resolve("cli-key")).strip());
  }

  @AfterAll
  static void stopCompose() {
    Http.useKey(null);
    if (compose != null) {
      compose.stop();
    }
  }

  /**
   * Elasticsearch has security on: the count is asked as elastic (the services' key is the
   * indexer's).
   */
  @Override
  long count() throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString(("elastic:" + ELASTIC_PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(elasticsearchUrl() + "/newswire/_count"))
            .header("Authorization", "Basic " + basic)
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    HttpResponse<String> reply =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    return reply.statusCode() == 200
        ? Json.mapper().readTree(reply.body()).path("count").asLong()
        : -1;
  }

  /** Letters and digits only, as the compose scripts accept. */
  private static String secret() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  @Override
  String url(Service service) {
    return "http://"
        + compose.getServiceHost(service.id(), HTTP)
        + ":"
        + compose.getServicePort(service.id(), HTTP);
  }

  @Override
  String elasticsearchUrl() {
    return "http://"
        + compose.getServiceHost("elasticsearch", 9200)
        + ":"
        + compose.getServicePort("elasticsearch", 9200);
  }

  @Override
  Path watched() {
    return watched;
  }
}
