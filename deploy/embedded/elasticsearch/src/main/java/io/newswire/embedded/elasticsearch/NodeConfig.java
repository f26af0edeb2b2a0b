package io.newswire.embedded.elasticsearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code DIR/node_1/config/elasticsearch.yml}, where the cluster runner's node reads its
 * settings. Rewritten on every start so a changed port or setting never leaves a stale file.
 */
final class NodeConfig {

  private NodeConfig() {}

  static Path write(Path dataDir, int httpPort) throws IOException {
    Path config = dataDir.resolve("node_1").resolve("config");
    Files.createDirectories(config);
    Path yml = config.resolve("elasticsearch.yml");
    String text =
        String.join(
            "\n",
            "# written by ElasticsearchNodeMain on every start; edits are overwritten",
            "network.host: 127.0.0.1",
            "http.port: " + httpPort,
            // one node: no discovery, no bootstrap checks, no waiting for other masters
            "discovery.type: single-node",
            // Developer disks are often nearly full; at the default 95% flood stage every index
            // turns read-only and indexing fails with a 429 that looks like a Newswire bug.
            "cluster.routing.allocation.disk.threshold_enabled: false",
            "");
    Files.writeString(yml, text, StandardCharsets.UTF_8);
    return yml;
  }
}
