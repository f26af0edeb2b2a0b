package io.newswire.embedded.kafka;

import io.newswire.embedded.child.CommandLines;
import java.nio.file.Path;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command line of {@link KafkaBrokerMain}: {@code --data DIR --port P --controller-port C
 * [--parent-pid PID] [--sasl-users FILE [--acl-user NAME]]}.
 *
 * @param saslUsers a properties file of {@code user=password} lines, with an {@code admin}: when
 *     given, every listener asks for SASL/PLAIN and the authorizer refuses what no ACL allows
 * @param aclUser a user of that file that gets the ACLs Newswire's services need, or null
 */
record Args(
    Path data,
    int port,
    int controllerPort,
    OptionalLong parentPid,
    Path saslUsers,
    String aclUser) {

  @Command(
      name = "KafkaBrokerMain",
      description = "A single-node KRaft Kafka broker for development and tests.")
  static final class Spec {
    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Show this help and exit.")
    boolean help;

    @Option(
        names = "--data",
        required = true,
        paramLabel = "DIR",
        description = "the broker's data folder")
    Path data;

    @Option(
        names = "--port",
        required = true,
        paramLabel = "P",
        description = "the client listener's port")
    int port;

    @Option(
        names = "--controller-port",
        required = true,
        paramLabel = "C",
        description = "the controller's port")
    int controllerPort;

    @Option(
        names = "--parent-pid",
        paramLabel = "PID",
        description = "stop when this process is gone")
    Long parentPid;

    @Option(
        names = "--sasl-users",
        paramLabel = "FILE",
        description = "user=password lines, with an admin")
    Path saslUsers;

    @Option(
        names = "--acl-user",
        paramLabel = "NAME",
        description = "a user of that file that gets the services' ACLs")
    String aclUser;
  }

  static Args parse(String[] argv) {
    Spec s = CommandLines.parse(new Spec(), argv);
    return new Args(
        s.data.toAbsolutePath(),
        s.port,
        s.controllerPort,
        s.parentPid == null ? OptionalLong.empty() : OptionalLong.of(s.parentPid),
        s.saslUsers == null ? null : s.saslUsers.toAbsolutePath(),
        s.aclUser);
  }
}
