package io.newswire.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka client settings shared by the services: string keys (document ids), JSON bytes as values,
 * idempotent producers that wait for every replica, consumers that never auto-commit. A service
 * gets one from newswire-common's {@code KafkaClientsProducer}, which reads its settings.
 */
public final class KafkaClients {
  /** How long a service waits for the broker when it creates the topics at start. */
  private static final long TOPIC_SETUP_TIMEOUT_SECONDS = 60;

  static {
    NativeCodecs.load();
  }

  private final String bootstrapServers;
  private final KafkaConnection connection;
  private final TopicSetup.Settings topicSettings;
  private volatile boolean topicsReady;

  /**
   * @param connection where the broker is and how to authenticate
   * @param topicSettings how the topics are created
   */
  public KafkaClients(KafkaConnection connection, TopicSetup.Settings topicSettings) {
    this.bootstrapServers = connection.bootstrapServers();
    this.connection = connection;
    this.topicSettings = topicSettings;
  }

  /** Clients of a broker without security, whose topics are as on a single broker. */
  public static KafkaClients plaintext(String bootstrapServers) {
    return new KafkaClients(
        KafkaConnection.plaintext(bootstrapServers), TopicSetup.Settings.SINGLE_BROKER);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Where clients connect and how they authenticate. */
  public KafkaConnection connection() {
    return connection;
  }

  /** Settings of a producer that does not lose or duplicate records on retry. */
  public Map<String, Object> producer(String clientId) {
    Map<String, Object> config = new HashMap<>(connection.clientConfig());
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // a transaction begun right after a commit meets CONCURRENT_TRANSACTIONS until the broker has
    // written the previous one's markers; with the default backoff (100 ms, growing to 1 s) every
    // back-to-back transaction of the cleaner, alerter and fetcher waited that long
    config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 10);
    config.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 100);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // a raw page of several MB must still go through (the broker default is 1 MB): as large as
    // newswire.raw accepts, and buffer room for one such record beside the usual 32 MB
    config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicSetup.RAW_MAX_MESSAGE_BYTES);
    config.put(
        ProducerConfig.BUFFER_MEMORY_CONFIG, 32L * 1024 * 1024 + TopicSetup.RAW_MAX_MESSAGE_BYTES);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return config;
  }

  /** Settings of a consumer in {@code groupId} that commits only what its owner says is done. */
  public Map<String, Object> consumer(String groupId, String clientId) {
    Map<String, Object> config = new HashMap<>(connection.clientConfig());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // a read_committed fetch that finds only an open transaction may be held for this long before
    // the commit shows: with the default 500 ms every hop of the pipeline sometimes waited that
    // long (./newswire bench freshness, stage table); lower costs idle fetches, ten a second each
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
    // Fetch sizes stay at their defaults (1 MB per partition, 50 MB per fetch): they are targets,
    // not limits, since the broker always returns the first batch of a fetch whole however large
    // (KIP-74), so a record up to TopicSetup.RAW_MAX_MESSAGE_BYTES still arrives, alone. Raising
    // them would only let every fetch hold more memory.
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return config;
  }

  /** How topics are created: replication, partitions, dead-letter retention. */
  public TopicSetup.Settings topicSettings() {
    return topicSettings;
  }

  public Admin admin() {
    return Admin.create(connection.clientConfig());
  }

  /** Creates the pipeline's topics if missing; cheap after the first call. */
  public void ensureTopics() {
    if (topicsReady) {
      return;
    }
    synchronized (this) {
      if (!topicsReady) {
        try (Admin admin = admin()) {
          TopicSetup.ensure(admin, topicSettings(), TOPIC_SETUP_TIMEOUT_SECONDS);
        }
        topicsReady = true;
      }
    }
  }
}
