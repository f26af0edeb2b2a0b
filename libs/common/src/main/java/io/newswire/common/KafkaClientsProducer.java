package io.newswire.common;

import io.newswire.kafka.KafkaClients;
import io.newswire.kafka.KafkaConnection;
import io.newswire.kafka.TopicSetup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A service's {@link KafkaClients}, from its settings. */
@Singleton
public class KafkaClientsProducer {

  /**
   * Where the broker is ({@code kafka.bootstrap.servers}, with {@code kafka.security.protocol},
   * {@code kafka.sasl.*} and {@code kafka.ssl.*} beside it: {@link KafkaConnection}) and how topics
   * are created: {@code newswire.kafka.replication-factor} (1), {@code
   * newswire.kafka.min-insync-replicas} (1), {@code newswire.kafka.partitions} (3) and {@code
   * newswire.kafka.dlq-retention} (365 days; -1 keeps letters until deleted). Production: 3 and 2
   * on three brokers.
   */
  @Produces
  @Singleton
  KafkaClients kafkaClients(
      @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
          String bootstrapServers) {
    Config config = ConfigProvider.getConfig();
    KafkaConnection connection =
        KafkaConnection.fromConfig(
            bootstrapServers, name -> config.getOptionalValue(name, String.class));
    TopicSetup.Settings d = TopicSetup.Settings.SINGLE_BROKER;
    TopicSetup.Settings topics =
        new TopicSetup.Settings(
            config
                .getOptionalValue("newswire.kafka.replication-factor", Short.class)
                .orElse(d.replicationFactor()),
            config
                .getOptionalValue("newswire.kafka.min-insync-replicas", Integer.class)
                .orElse(d.minInsyncReplicas()),
            config
                .getOptionalValue("newswire.kafka.partitions", Integer.class)
                .orElse(d.dataPartitions()),
            config
                .getOptionalValue("newswire.kafka.dlq-retention", Duration.class)
                .map(Duration::toMillis)
                .orElse(d.dlqRetentionMs()));
    return new KafkaClients(connection, topics);
  }
}
