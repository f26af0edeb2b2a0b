package io.newswire.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Where a Kafka client connects and how it authenticates: {@code bootstrap.servers} and the {@code
 * security.protocol}, {@code sasl.*} and {@code ssl.*} settings, read in one place for every client
 * of Newswire (services, CLI, topic set-up). In a service each is the same key under {@code kafka.}
 * ({@code kafka.security.protocol}, or {@code KAFKA_SECURITY_PROTOCOL} in the environment); the CLI
 * reads them from a client properties file named by {@code NEWSWIRE_KAFKA_CONFIG}, or from the same
 * environment variables.
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> security) {
  /** The client settings that say how to authenticate and encrypt. */
  public static final List<String> SECURITY_KEYS =
      List.of(
          "security.protocol",
          "sasl.mechanism",
          "sasl.jaas.config",
          "sasl.client.callback.handler.class",
          "sasl.login.callback.handler.class",
          "sasl.kerberos.service.name",
          "sasl.oauthbearer.token.endpoint.url",
          "ssl.truststore.location",
          "ssl.truststore.password",
          "ssl.truststore.type",
          "ssl.truststore.certificates",
          "ssl.keystore.location",
          "ssl.keystore.password",
          "ssl.keystore.type",
          "ssl.keystore.certificate.chain",
          "ssl.keystore.key",
          "ssl.key.password",
          "ssl.endpoint.identification.algorithm");

  public KafkaConnection {
    security = Map.copyOf(security);
  }

  public static KafkaConnection plaintext(String bootstrapServers) {
    return new KafkaConnection(bootstrapServers, Map.of());
  }

  /**
   * @param lookup a setting by its full name under {@code kafka.}, e.g. {@code
   *     kafka.sasl.mechanism}
   */
  public static KafkaConnection fromConfig(
      String bootstrapServers, Function<String, Optional<String>> lookup) {
    Map<String, String> security = new LinkedHashMap<>();
    for (String key : SECURITY_KEYS) {
      lookup.apply("kafka." + key).filter(v -> !v.isBlank()).ifPresent(v -> security.put(key, v));
    }
    return new KafkaConnection(bootstrapServers, security);
  }

  /**
   * For a command-line client: the properties file {@code NEWSWIRE_KAFKA_CONFIG} names (the
   * standard Kafka client format: {@code security.protocol=SASL_SSL} ...), else the {@code
   * KAFKA_SECURITY_PROTOCOL}-style environment variables a service would read.
   */
  public static KafkaConnection fromEnvironment(String bootstrapServers, Map<String, String> env)
      throws IOException {
    String file = env.get("NEWSWIRE_KAFKA_CONFIG");
    if (file != null && !file.isBlank()) {
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(Path.of(file))) {
        p.load(in);
      }
      Map<String, String> security = new LinkedHashMap<>();
      for (String key : SECURITY_KEYS) {
        if (p.getProperty(key) != null) {
          security.put(key, p.getProperty(key));
        }
      }
      return new KafkaConnection(p.getProperty("bootstrap.servers", bootstrapServers), security);
    }
    return fromConfig(
        bootstrapServers,
        name ->
            Optional.ofNullable(
                env.get(name.toUpperCase(java.util.Locale.ROOT).replace('.', '_'))));
  }

  /**
   * {@code bootstrap.servers} and the security settings, to start a client's configuration from.
   */
  public Map<String, Object> clientConfig() {
    Map<String, Object> config = new LinkedHashMap<>(security);
    config.put("bootstrap.servers", bootstrapServers);
    return config;
  }

  /** For logs: the servers and protocol, never a password or JAAS line. */
  @Override
  public String toString() {
    return bootstrapServers
        + " ("
        + security.getOrDefault("security.protocol", "PLAINTEXT")
        + (security.containsKey("sasl.mechanism") ? ", " + security.get("sasl.mechanism") : "")
        + ")";
  }
}
