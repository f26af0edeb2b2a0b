package io.newswire.embedded.elasticsearch;

import io.newswire.embedded.child.CommandLines;
import java.nio.file.Path;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command line of {@link ElasticsearchNodeMain}: {@code --data DIR --http-port H [--parent-pid
 * PID]}.
 */
record Args(Path data, int httpPort, OptionalLong parentPid) {

  /** The cluster runner refuses HTTP ports above this one. */
  static final int MAX_HTTP_PORT = 9299;

  @Command(
      name = "ElasticsearchNodeMain",
      description = "A single Elasticsearch node for development and tests.")
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
        description = "the node's data folder")
    Path data;

    @Option(
        names = "--http-port",
        required = true,
        paramLabel = "H",
        description = "1025.." + MAX_HTTP_PORT)
    int httpPort;

    @Option(
        names = "--parent-pid",
        paramLabel = "PID",
        description = "stop when this process is gone")
    Long parentPid;
  }

  static Args parse(String[] argv) {
    Spec s = CommandLines.parse(new Spec(), argv);
    if (s.httpPort < 1025 || s.httpPort > MAX_HTTP_PORT) {
      throw new IllegalArgumentException(
          "--http-port "
              + s.httpPort
              + " is out of range: the cluster runner accepts 1025.."
              + MAX_HTTP_PORT);
    }
    return new Args(
        s.data.toAbsolutePath(),
        s.httpPort,
        s.parentPid == null ? OptionalLong.empty() : OptionalLong.of(s.parentPid));
  }
}
