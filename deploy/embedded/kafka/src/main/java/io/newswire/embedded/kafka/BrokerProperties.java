package io.newswire.embedded.kafka;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** The settings of a single-node broker+controller on loopback. */
final class BrokerProperties {

  /** Largest record batch the broker accepts on a topic without its own max.message.bytes. */
  static final int MESSAGE_MAX_BYTES = 64 * 1024 * 1024;

  private BrokerProperties() {}

  static Properties singleNode(Path logDir, int port, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.put(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    // One broker: every internal topic must be satisfiable with a single replica, or consumer
    // groups and transactions hang waiting for replicas that will never exist.
    p.put("offsets.topic.replication.factor", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    // Tests and the launcher start consumers right away; the default 3 s delay only slows them.
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "true");
    // More than one partition so that scaling a service out to several instances does something.
    p.put("num.partitions", "3");
    // Fewer threads than the server defaults: this broker shares 2 cores with the whole pipeline.
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "4");
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
    // Raw pages can be large: the same 64 MB that newswire.raw is created with (TopicSetup.
    // RAW_MAX_MESSAGE_BYTES), so a raw topic created earlier or auto-created accepts them too.
    p.put("message.max.bytes", String.valueOf(MESSAGE_MAX_BYTES));
    return p;
  }

  /** PLAIN login as {@code user}, for a client or for the broker itself. */
  static String jaas(String user, String password, Map<String, String> accepted) {
    StringBuilder line =
        new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required")
            .append(" username=\"")
            .append(user)
            .append("\" password=\"")
            .append(password)
            .append('"');
    accepted.forEach((u, p) -> line.append(" user_").append(u).append("=\"").append(p).append('"'));
    return line.append(';').toString();
  }

  /**
   * Turns {@link #singleNode} into a broker that authenticates every connection (SASL/PLAIN, the
   * controller listener too) and authorizes every request: {@code admin} may do anything, other
   * users what their ACLs allow, and a request no ACL allows is refused.
   */
  static void secure(Properties p, int port, int controllerPort, Map<String, String> users) {
    String admin = users.get("admin");
    if (admin == null) {
      throw new IllegalArgumentException(
          "the SASL users file needs an 'admin' user: the broker logs in as it");
    }
    p.put(
        "listeners",
        "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port);
    p.put(
        "listener.security.protocol.map",
        "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
    p.put("inter.broker.listener.name", "SASL_PLAINTEXT");
    p.put("sasl.enabled.mechanisms", "PLAIN");
    p.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
    p.put("sasl.mechanism.controller.protocol", "PLAIN");
    String jaas = jaas("admin", admin, users);
    p.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas);
    p.put("listener.name.controller.plain.sasl.jaas.config", jaas);
    p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    p.put("super.users", "User:admin");
    p.put("allow.everyone.if.no.acl.found", "false");
  }

  static void write(Properties props, Path file) throws IOException {
    // it may hold the SASL passwords: owner only
    Files.deleteIfExists(file);
    Files.createFile(
        file,
        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      props.store(out, "written by KafkaBrokerMain on every start; edits are overwritten");
    }
  }
}
