package io.newswire.embedded.kafka;

import io.newswire.embedded.child.ParentWatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft Kafka broker for development and tests, run as a child JVM by the embedded
 * stack. Prints {@code NEWSWIRE-READY kafka 127.0.0.1:PORT} once it accepts clients.
 */
public final class KafkaBrokerMain {

  public static final String READY_PREFIX = "NEWSWIRE-READY kafka ";

  private KafkaBrokerMain() {}

  public static void main(String[] argv) {
    try {
      run(argv);
    } catch (Throwable e) {
      // exit explicitly: server threads already started would otherwise keep this JVM alive
      // with nothing serving, and the parent would only notice at its timeout
      System.err.println("the Kafka broker failed to start:");
      e.printStackTrace();
      System.exit(1);
    }
  }

  private static void run(String[] argv) throws IOException {
    quietLogging();
    Args args;
    try {
      args = Args.parse(argv);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Path logDir = args.data().resolve("kraft-logs");
    Files.createDirectories(logDir);
    Properties props = BrokerProperties.singleNode(logDir, args.port(), args.controllerPort());
    Map<String, String> users = args.saslUsers() == null ? Map.of() : readUsers(args.saslUsers());
    if (!users.isEmpty()) {
      BrokerProperties.secure(props, args.port(), args.controllerPort(), users);
    }
    Path configFile = args.data().resolve("server.properties");
    BrokerProperties.write(props, configFile);
    format(clusterId(args.data()), configFile);

    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    AtomicBoolean stopped = new AtomicBoolean();
    Runnable stop =
        () -> {
          if (stopped.compareAndSet(false, true)) {
            System.out.println("stopping the Kafka broker");
            server.shutdown();
            System.out.println("Kafka broker stopped");
          }
        };
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "kafka-shutdown"));
    args.parentPid().ifPresent(pid -> ParentWatch.start(pid, stop));
    server.startup();
    if (args.aclUser() != null) {
      grantPipeline(args.port(), users, args.aclUser());
    }
    System.out.println(READY_PREFIX + "127.0.0.1:" + args.port());
    System.out.flush();
  }

  /**
   * Kafka logs every config value and every partition change at INFO: thousands of lines per start.
   * WARN keeps the child's log readable; pass -Dorg.slf4j.simpleLogger.defaultLogLevel=info to the
   * child JVM to see everything.
   */
  private static void quietLogging() {
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    setIfAbsent("org.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer", "info");
    setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
    setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  private static Map<String, String> readUsers(Path file) throws IOException {
    Properties p = new Properties();
    try (var in = Files.newInputStream(file)) {
      p.load(in);
    }
    Map<String, String> users = new java.util.TreeMap<>();
    p.stringPropertyNames().forEach(u -> users.put(u, p.getProperty(u)));
    return users;
  }

  /**
   * What Newswire's services need and no more: everything on topics, consumer groups and
   * transactional ids whose names start with {@code newswire}, idempotent writes and describing the
   * cluster. Granted as {@code admin}, before the broker says it is ready.
   */
  private static void grantPipeline(int port, Map<String, String> users, String user) {
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers",
            "127.0.0.1:" + port,
            "security.protocol",
            "SASL_PLAINTEXT",
            "sasl.mechanism",
            "PLAIN",
            "sasl.jaas.config",
            BrokerProperties.jaas("admin", users.get("admin"), Map.of()));
    String principal = "User:" + user;
    List<AclBinding> acls = new ArrayList<>();
    for (ResourceType type :
        List.of(ResourceType.TOPIC, ResourceType.GROUP, ResourceType.TRANSACTIONAL_ID)) {
      acls.add(
          new AclBinding(
              new ResourcePattern(type, "newswire", PatternType.PREFIXED),
              new AccessControlEntry(principal, "*", AclOperation.ALL, AclPermissionType.ALLOW)));
    }
    for (AclOperation op :
        List.of(
            AclOperation.IDEMPOTENT_WRITE, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS)) {
      acls.add(
          new AclBinding(
              new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL),
              new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW)));
    }
    try (Admin admin = Admin.create(config)) {
      admin.createAcls(acls).all().get(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not grant " + principal + " its ACLs: " + e, e);
    }
  }

  /**
   * The cluster id is chosen once per data directory and kept in a file: formatting again with a
   * different id would make the broker refuse its own log directory after a restart.
   */
  private static String clusterId(Path dataDir) throws IOException {
    Path file = dataDir.resolve("cluster.id");
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
    String id = Uuid.randomUuid().toString();
    Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
    return id;
  }

  private static void format(String clusterId, Path configFile) {
    int rc =
        StorageTool.execute(
            new String[] {
              "format", "-t", clusterId, "-c", configFile.toString(), "--ignore-formatted"
            },
            System.out);
    if (rc != 0) {
      throw new IllegalStateException(
          "formatting the KRaft log directory failed (exit code "
              + rc
              + "); delete "
              + configFile.getParent()
              + " to start from an empty broker");
    }
  }
}
