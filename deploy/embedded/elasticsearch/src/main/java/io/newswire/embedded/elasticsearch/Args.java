package io.newswire.embedded.elasticsearch;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/** Command line of {@link ElasticsearchNodeMain}: {@code --data DIR --http-port H [--parent-pid PID]}. */
record Args(Path data, int httpPort, OptionalLong parentPid) {

  static final String USAGE =
      "usage: ElasticsearchNodeMain --data DIR --http-port H [--parent-pid PID]";

  /** The cluster runner refuses HTTP ports above this one. */
  static final int MAX_HTTP_PORT = 9299;

  static Args parse(String[] argv) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < argv.length; i += 2) {
      if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
        throw new IllegalArgumentException("unexpected argument '" + argv[i] + "'; " + USAGE);
      }
      options.put(argv[i].substring(2), argv[i + 1]);
    }
    int httpPort = Integer.parseInt(required(options, "http-port"));
    if (httpPort < 1025 || httpPort > MAX_HTTP_PORT) {
      throw new IllegalArgumentException(
          "--http-port " + httpPort + " is out of range: the cluster runner accepts 1025.."
              + MAX_HTTP_PORT);
    }
    String pid = options.get("parent-pid");
    return new Args(
        Path.of(required(options, "data")).toAbsolutePath(),
        httpPort,
        pid == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(pid)));
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing --" + name + "; " + USAGE);
    }
    return value;
  }
}
