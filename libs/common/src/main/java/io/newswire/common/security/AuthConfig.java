package io.newswire.common.security;

import io.newswire.model.ApiKeyFile.Role;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * Who may call a service's HTTP API, under {@code newswire.auth}. Health checks are always open.
 */
@ConfigMapping(prefix = "newswire.auth")
public interface AuthConfig {
  /**
   * API keys: one {@code NAME ROLE SHA256-HEX} line per key ({@code ./newswire keys add} writes
   * it). Re-read within a second of a change, so keys are added and revoked without a restart. When
   * the file is missing or unreadable every call but health is refused (401) and the log says why.
   * {@code ./newswire up} creates it in its data folder.
   */
  @WithDefault(".newswire/data/api-keys")
  String keysFile();

  /**
   * {@code REQUIRED} (default): every API but {@code /q/health} needs a key. {@code OFF} lets
   * anyone who can reach the port do anything, as an admin; only for a service bound to loopback on
   * a single-user machine, and logged as a warning at start.
   */
  @WithDefault("REQUIRED")
  Mode mode();

  enum Mode {
    REQUIRED,
    OFF
  }

  /** Access tokens of an OpenID Connect provider, accepted beside the API keys. */
  Oidc oidc();

  /**
   * Under {@code newswire.auth.oidc}; the provider itself is configured with {@code
   * quarkus.oidc.*}.
   */
  interface Oidc {
    /**
     * Accept {@code Authorization: Bearer} JWT access tokens of the provider at {@code
     * quarkus.oidc.auth-server-url} (needed then: a service refuses to start without it). Each
     * service's application.properties maps it onto {@code quarkus.oidc.tenant-enabled}, so when
     * false (the default) Quarkus OIDC reads no provider and makes no call. API keys work either
     * way; a bearer value shaped like one ({@code nwk_...}) is always taken as a key.
     */
    @WithDefault("false")
    boolean enabled();

    /**
     * Which provider roles or groups (read from the token's {@code
     * quarkus.oidc.roles.role-claim-path}) grant which Newswire role: {@code
     * newswire.auth.oidc.role-map."newswire-editors"=editor}. A provider role named {@code reader},
     * {@code editor} or {@code admin} grants that role unless mapped here; any other is ignored.
     * The highest role granted counts, with every role below it, as for a key. A token that grants
     * none is authenticated but refused (403) by every API.
     */
    Map<String, Role> roleMap();
  }
}
