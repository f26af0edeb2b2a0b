package io.newswire.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;

/** Where the console finds the services it shows, under {@code newswire.console}. */
@ConfigMapping(prefix = "newswire.console")
public interface ConsoleConfig {
  /**
   * The indexer's base URL: search, and the check of a key at sign-in. When it does not answer, the
   * search and sign-in pages say so (503) and name this setting.
   */
  @WithDefault("http://127.0.0.1:8083")
  URI indexerUrl();

  /** The alerter's base URL, for the alerts and rules pages. */
  @WithDefault("http://127.0.0.1:8084")
  URI alerterUrl();

  /** The fetcher's base URL, for the sources page. */
  @WithDefault("http://127.0.0.1:8081")
  URI fetcherUrl();

  /**
   * The cleaner's base URL, for the dead-letters page (it serves every stage's dead letters) and
   * the health page.
   */
  @WithDefault("http://127.0.0.1:8082")
  URI cleanerUrl();

  /**
   * Whether the sign-in cookie is marked {@code Secure}, so browsers send it over HTTPS only. Turn
   * it on when the console is reached through TLS (a proxy in front of it); off by default, since
   * {@code ./newswire up} serves it on loopback over plain HTTP, where a Secure cookie would never
   * be sent back.
   */
  @WithDefault("false")
  boolean secureCookie();
}
