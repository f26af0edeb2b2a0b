package io.newswire.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: every Kafka client takes its security settings from one place. */
class KafkaConnectionTest {
  static final String JAAS =
      "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"s3cr3t\";";

  @Test
  void aServiceReadsTheSecuritySettingsUnderKafkaAndNothingElse() {
    Map<String, String> config =
        Map.of(
            "kafka.security.protocol",
            "SASL_SSL",
            "kafka.sasl.mechanism",
            "PLAIN",
            "kafka.sasl.jaas.config",
            JAAS,
            "kafka.linger.ms",
            "99");
    KafkaConnection c =
        KafkaConnection.fromConfig("b:9092", k -> Optional.ofNullable(config.get(k)));
    assertEquals(
        Map.of(
            "bootstrap.servers",
            "b:9092",
            "security.protocol",
            "SASL_SSL",
            "sasl.mechanism",
            "PLAIN",
            "sasl.jaas.config",
            JAAS),
        c.clientConfig());
    assertFalse(c.toString().contains("s3cr3t"), c.toString());
  }

  @Test
  void theCliReadsAClientPropertiesFileOrTheEnvironment(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("client.properties"),
            "bootstrap.servers=remote:9093\nsecurity.protocol=SSL\nssl.truststore.location=/t.p12\n");
    KafkaConnection fromFile =
        KafkaConnection.fromEnvironment(
            "local:9092", Map.of("NEWSWIRE_KAFKA_CONFIG", file.toString()));
    assertEquals("remote:9093", fromFile.bootstrapServers());
    assertEquals(
        Map.of("security.protocol", "SSL", "ssl.truststore.location", "/t.p12"),
        fromFile.security());
    KafkaConnection fromEnv =
        KafkaConnection.fromEnvironment(
            "local:9092",
            Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "KAFKA_SASL_JAAS_CONFIG", JAAS));
    assertEquals("SASL_PLAINTEXT", fromEnv.security().get("security.protocol"));
    assertTrue(fromEnv.clientConfig().containsKey("sasl.jaas.config"));
  }
}
