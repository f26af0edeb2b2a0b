package io.newswire.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who may call a service's HTTP API, under {@code newswire.auth}. Health checks are always open. */
@ConfigMapping(prefix = "newswire.auth")
public interface AuthConfig {
  /**
   * API keys: one {@code NAME ROLE SHA256-HEX} line per key ({@code ./newswire keys add} writes it).
   * Re-read within a second of a change, so keys are added and revoked without a restart. When the
   * file is missing or unreadable every call but health is refused (401) and the log says why.
   * {@code ./newswire up} creates it in its data folder.
   */
  @WithDefault(".newswire/data/api-keys")
  String keysFile();

  /**
   * {@code REQUIRED} (default): every API but {@code /q/health} needs a key. {@code OFF} lets
   * anyone who can reach the port do anything, as an admin; only for a service bound to loopback
   * on a single-user machine, and logged as a warning at start.
   */
  @WithDefault("REQUIRED")
  Mode mode();

  enum Mode {
    REQUIRED,
    OFF
  }
}
