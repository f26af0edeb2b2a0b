package io.newswire.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real embedded stack once (about 5–15 s) and uses it the way the services will: Kafka
 * through kafka-clients, Elasticsearch through plain HTTP. Also kills each server with SIGKILL and
 * checks that data written before the crash is there after the restart.
 */
class EmbeddedStackIT {

  /** Upper bound for waits on asynchronous results; a pass never waits this long. */
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir static Path dataDir;

  private static EmbeddedStack stack;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startStack() {
    stack = EmbeddedStack.start(dataDir, message -> System.out.println("[stack] " + message));
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
      assertFalse(stack.kafkaProcess().isAlive(), "Kafka still running after close()");
      assertFalse(
          stack.elasticsearchProcess().isAlive(), "Elasticsearch still running after close()");
    }
  }

  @Test
  void recordProducedIsConsumedAndSurvivesKafkaKill9() throws Exception {
    String topic = "it.roundtrip";
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      admin
          .createTopics(List.of(new NewTopic(topic, 3, (short) 1)))
          .all()
          .get(60, TimeUnit.SECONDS);
    }
    try (KafkaProducer<String, String> producer = producer()) {
      producer
          .send(new ProducerRecord<>(topic, "doc-1", "Lavrov met Wagner"))
          .get(60, TimeUnit.SECONDS);
    }
    assertEquals(List.of("doc-1=Lavrov met Wagner"), consumeAll(topic, 1));

    stack.killKafka();
    assertFalse(stack.kafkaProcess().isAlive());
    stack.restartKafka();

    assertEquals(List.of("doc-1=Lavrov met Wagner"), consumeAll(topic, 1));
  }

  @Test
  void documentIndexedIsFoundAndSurvivesElasticsearchKill9() throws Exception {
    String index = "it-docs";
    // one node can never hold a replica; 0 keeps the index green
    send("PUT", "/" + index, "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0}}");
    send("PUT", "/" + index + "/_doc/doc-1?refresh=true", "{\"title\":\"Lavrov met Wagner\"}");
    assertEquals(1, hits(index, "Lavrov"));
    assertEquals(0, hits(index, "Biden"));

    stack.killElasticsearch();
    assertFalse(stack.elasticsearchProcess().isAlive());
    stack.restartElasticsearch();

    assertEquals(1, hits(index, "Lavrov"));
  }

  @Test
  void childStopsItselfWhenItsParentDies() throws Exception {
    Process parent = new ProcessBuilder("sleep", "600").start();
    // a broker whose "parent" is a sleep process, so the test can make it an orphan
    ChildProcess broker =
        ChildProcess.java("orphan-check", EmbeddedServers.KAFKA_MAIN)
            .classpath(RepoLayout.find().kafkaClasspath())
            .jvmArgs("-XX:TieredStopAtLevel=1", "-Xmx256m")
            .args(
                "--data", dataDir.resolve("orphan-kafka").toString(),
                "--port", String.valueOf(FreePorts.any()),
                "--controller-port", String.valueOf(FreePorts.any()),
                "--parent-pid", String.valueOf(parent.pid()))
            .passParentPid(false)
            .logFile(dataDir.resolve("logs").resolve("orphan-check.log"))
            .readyPrefix(EmbeddedServers.KAFKA_READY)
            .start();
    try {
      broker.awaitReady(PATIENCE);
      parent.destroyForcibly().waitFor();
      int code = broker.onExit().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      assertFalse(broker.isAlive());
      assertEquals(0, code, "exit code of an orphaned child that shut itself down");
    } finally {
      broker.kill();
    }
  }

  private static KafkaProducer<String, String> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  /** Reads {@code expected} records from the start of the topic with a fresh consumer group. */
  private static List<String> consumeAll(String topic, int expected) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> seen = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (seen.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          seen.add(r.key() + "=" + r.value());
        }
      }
    }
    return seen;
  }

  private static long hits(String index, String word) throws IOException, InterruptedException {
    String body = send("GET", "/" + index + "/_search?q=title:" + word, null);
    Matcher m = Pattern.compile("\"total\":\\{\"value\":(\\d+)").matcher(body);
    assertTrue(m.find(), "no hit count in " + body);
    return Long.parseLong(m.group(1));
  }

  private static String send(String method, String path, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl() + path))
            .timeout(PATIENCE)
            .header("Content-Type", "application/json");
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(
        response.statusCode() / 100 == 2,
        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    return response.body();
  }
}
