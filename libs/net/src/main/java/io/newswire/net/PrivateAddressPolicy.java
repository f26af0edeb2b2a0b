package io.newswire.net;

/** Whether non-public addresses are checked at all; {@code REFUSE} is the safe default. */
public enum PrivateAddressPolicy {
  /** Refuse private addresses except those allow-listed. */
  REFUSE,
  /** Connect to any address (only for a service on an isolated network). */
  ALLOW
}
