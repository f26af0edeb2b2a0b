package io.newswire.alerter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the alerter, all under {@code newswire.alerter}. */
@ConfigMapping(prefix = "newswire.alerter")
public interface AlerterConfig {
  /** Consumer group of the alerter instances; instances share the clean partitions. */
  @WithDefault("newswire-alerter")
  String groupId();

  /** Prefix of the transactional id; each instance appends its instance id. */
  @WithDefault("newswire-alerter")
  String transactionalIdPrefix();

  /** Articles matched per transaction. */
  @WithDefault("100")
  int maxPollRecords();

  /**
   * Alerts kept in memory for {@code GET /alerts} and {@code ./newswire alerts tail}; older ones
   * are only on the topic.
   */
  @WithDefault("1000")
  int recentAlerts();

  /**
   * Alert ids remembered as published, so that an article matching a rule again (a replay, a
   * re-fetch) does not alert twice; the oldest are forgotten first, and an article whose alert is
   * older than this many newer ones alerts again. Each id is kept as a 64-bit fingerprint, some 25
   * bytes with its index (50 MB once the default is reached); see {@code AlertLedger} for the
   * chance of two ids sharing one.
   */
  @WithDefault("2000000")
  int ledgerCapacity();

  /** Set to {@code false} to serve rules without matching. */
  @WithDefault("true")
  boolean enabled();

  /**
   * Consumer group delivering alerts to webhooks; committed only after each delivery succeeded or
   * was dead-lettered.
   */
  @WithDefault("newswire-alerter-webhooks")
  String webhookGroupId();

  /**
   * Attempts per webhook delivery; after the last one the alert goes to newswire.alerts.dlq with
   * the reason.
   */
  @WithDefault("4")
  int webhookAttempts();

  /** Pause before the second attempt, doubled for each further one, with jitter. */
  @WithDefault("500ms")
  java.time.Duration webhookBackoff();

  /**
   * Connect timeout of a webhook call; a receiver that does not answer in time counts as a failed
   * attempt.
   */
  @WithDefault("5s")
  java.time.Duration webhookTimeout();

  /**
   * Host names or CIDR ranges a webhook may reach although they are private, loopback, link-local
   * or cloud-metadata addresses (all refused otherwise, when the rule is created and on every
   * delivery, with the fetcher's address guard). E.g. {@code 10.1.2.0/24,hooks.internal}.
   */
  java.util.Optional<java.util.List<String>> webhookAllowPrivate();

  /**
   * {@code REFUSE} (default) checks webhook addresses as above; {@code ALLOW} lets a webhook reach
   * any address.
   */
  @WithDefault("REFUSE")
  io.newswire.net.PrivateAddressPolicy webhookPrivateAddresses();
}
