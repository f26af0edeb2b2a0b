package io.newswire.embedded.kafka;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Command line of {@link KafkaBrokerMain}: {@code --data DIR --port P --controller-port C
 * [--parent-pid PID] [--sasl-users FILE [--acl-user NAME]]}.
 *
 * @param saslUsers a properties file of {@code user=password} lines, with an {@code admin}: when
 *     given, every listener asks for SASL/PLAIN and the authorizer refuses what no ACL allows
 * @param aclUser a user of that file that gets the ACLs Newswire's services need, or null
 */
record Args(Path data, int port, int controllerPort, OptionalLong parentPid, Path saslUsers, String aclUser) {

  static final String USAGE =
      "usage: KafkaBrokerMain --data DIR --port P --controller-port C [--parent-pid PID]"
          + " [--sasl-users FILE [--acl-user NAME]]";

  static Args parse(String[] argv) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < argv.length; i += 2) {
      if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
        throw new IllegalArgumentException("unexpected argument '" + argv[i] + "'; " + USAGE);
      }
      options.put(argv[i].substring(2), argv[i + 1]);
    }
    String pid = options.get("parent-pid");
    return new Args(
        Path.of(required(options, "data")).toAbsolutePath(),
        Integer.parseInt(required(options, "port")),
        Integer.parseInt(required(options, "controller-port")),
        pid == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(pid)),
        options.containsKey("sasl-users") ? Path.of(options.get("sasl-users")).toAbsolutePath() : null,
        options.get("acl-user"));
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing --" + name + "; " + USAGE);
    }
    return value;
  }
}
