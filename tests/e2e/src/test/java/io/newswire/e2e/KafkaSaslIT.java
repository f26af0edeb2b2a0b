package io.newswire.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.launcher.Pipeline;
import io.newswire.model.ApiKeyFile;
import io.newswire.model.Service;
import io.newswire.model.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: the whole pipeline on a broker that authenticates every client (SASL/PLAIN) and
 * authorizes with ACLs, the services logging in as a user that has only the ACLs they need; a
 * client without credentials, with a wrong password, or with no ACLs gets nothing.
 */
class KafkaSaslIT {
  @TempDir static Path work;
  private static Path watched;
  private static Pipeline pipeline;
  private static final Map<String, String> USERS =
      Map.of(
          "admin",
          ApiKeyFile.newKey(),
          Pipeline.SERVICE_KAFKA_USER,
          ApiKeyFile.newKey(),
          "intruder",
          ApiKeyFile.newKey());

  @BeforeAll
  static void startNewswire() throws Exception {
    watched = Files.createDirectories(work.resolve("reports"));
    Path sources = work.resolve("sources.yaml");
    Files.writeString(
        sources, "sources:\n  - name: watched\n    type: folder\n    path: " + watched + "\n");
    pipeline =
        Pipeline.start(
            new Pipeline.Options(
                work.resolve("data"),
                work,
                sources,
                Map.of(),
                List.of("-XX:TieredStopAtLevel=1", "-Xmx384m"),
                Map.of(),
                USERS),
            line -> System.out.println("[pipeline] " + line));
    Http.useKey(pipeline.apiKey());
  }

  @AfterAll
  static void stopNewswire() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void thePipelineWorksWithCredentialsAndAClientWithoutThemGetsNothing() throws Exception {
    Files.copy(
        SeedScenario.seeds().resolve(SeedScenario.SEEDS.get(1) + ".txt"),
        watched.resolve("001.txt"));
    Await.until(
        "the report to be searchable through a SASL-only broker",
        SeedScenario.INGEST_TIMEOUT,
        () ->
            Http.get(pipeline.url(Service.INDEXER) + "/search?q=Lavrov")
                .body()
                .path("total")
                .asLong(),
        n -> n == 1);

    // no credentials: the SASL listener never answers a plaintext client
    try (Admin anonymous = Admin.create(admin(Map.of()))) {
      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () -> anonymous.listTopics().names().get(20, TimeUnit.SECONDS));
      assertTrue(
          e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException,
          String.valueOf(e.getCause()));
    }
    // a wrong password
    Map<String, String> wrong =
        new HashMap<>(pipeline.stack().kafkaClientSecurity(Pipeline.SERVICE_KAFKA_USER));
    wrong.put(
        "sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\""
            + Pipeline.SERVICE_KAFKA_USER
            + "\" password=\"guessed\";");
    try (Admin guessing = Admin.create(admin(wrong))) {
      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () -> guessing.listTopics().names().get(20, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof SaslAuthenticationException, String.valueOf(e.getCause()));
    }
    // a real user without ACLs sees no topic and cannot read one
    try (Admin intruder = Admin.create(admin(pipeline.stack().kafkaClientSecurity("intruder")))) {
      Set<String> topics = intruder.listTopics().names().get(20, TimeUnit.SECONDS);
      assertEquals(Set.of(), topics);
    }
    Map<String, Object> consumer =
        new HashMap<>(admin(pipeline.stack().kafkaClientSecurity("intruder")));
    consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "newswire-intruder-" + UUID.randomUUID());
    consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(consumer)) {
      reader.subscribe(List.of(Topics.CLEAN));
      assertThrows(
          TopicAuthorizationException.class,
          () -> {
            for (int i = 0; i < 50; i++) {
              reader.poll(Duration.ofMillis(200));
            }
          });
    }
    // the services' own user sees the pipeline's topics
    try (Admin service =
        Admin.create(admin(pipeline.stack().kafkaClientSecurity(Pipeline.SERVICE_KAFKA_USER)))) {
      assertTrue(service.listTopics().names().get(20, TimeUnit.SECONDS).contains(Topics.CLEAN));
    }
  }

  private static Map<String, Object> admin(Map<String, String> security) {
    Map<String, Object> config = new HashMap<>(security);
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.stack().bootstrapServers());
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    return config;
  }
}
