package io.newswire.fetcher.state;

import io.newswire.common.FingerprintTable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A seen-state in memory, bounded: the view {@link KafkaSeenStore} keeps of its topic, and on its
 * own the seen-state of tests and the benchmark.
 *
 * <p>It holds a 64-bit fingerprint of each id and of the hash recorded for it (SHA-256 with a salt
 * drawn for each store, so fingerprints cannot be aimed at from outside), about 24 bytes an id, and
 * at most {@code capacity} ids ({@code newswire.fetcher.seen-capacity}).
 *
 * <p><b>Eviction, oldest first.</b> Once full, recording a new id forgets the id first recorded
 * longest ago (recording an id again keeps its place). An id forgotten and met again, say a feed
 * still listing a very old item, is fetched and emitted once more, then remembered anew. Downstream
 * that copy is harmless: the indexer writes by document id, so it replaces the same Elasticsearch
 * document, and the alerter's ledger de-duplicates alert ids, so no alert is raised twice. Keep the
 * capacity well above the items the sources list at any one time (feeds list tens, a sitemap up to
 * {@code newswire.fetcher.max-listed-urls}), so that only items no longer listed are forgotten.
 *
 * <p><b>Fingerprint collisions.</b> Two ids with one fingerprint count as one, so the later is not
 * emitted. With n ids held, a new id collides with probability n / 2^64: 1.1 × 10^-13 at the
 * default 2,000,000, one missed item in about 9 × 10^12 new ones. A changed document whose new hash
 * has the old one's fingerprint is taken as unchanged, with probability 2^-64.
 */
public final class InMemorySeenStore implements SeenStore {
  /** The default of {@code newswire.fetcher.seen-capacity}, for callers that do not pass one. */
  public static final int DEFAULT_CAPACITY = 2_000_000;

  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(InMemorySeenStore::sha256);

  private final byte[] salt = new byte[16];
  private final FingerprintTable table;

  public InMemorySeenStore() {
    this(DEFAULT_CAPACITY);
  }

  /**
   * @throws IllegalArgumentException if {@code capacity} is not between 1 and 2^29
   */
  public InMemorySeenStore(int capacity) {
    if (capacity < 1 || capacity > FingerprintTable.MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "newswire.fetcher.seen-capacity must be between 1 and "
              + FingerprintTable.MAX_CAPACITY
              + ", was "
              + capacity);
    }
    new SecureRandom().nextBytes(salt);
    this.table = new FingerprintTable(capacity);
  }

  @Override
  public boolean isSeen(String id) {
    return table.contains(fingerprint(id));
  }

  @Override
  public boolean matches(String id, String hash) {
    return table.matches(fingerprint(id), fingerprint(hash));
  }

  @Override
  public void markSeen(String id, String hash) {
    table.put(fingerprint(id), fingerprint(hash));
  }

  /** Forgets {@code id} (its record on the seen topic was deleted). */
  public void forget(String id) {
    table.remove(fingerprint(id));
  }

  /** Ids held now; at most {@link #capacity()}. */
  public int size() {
    return table.size();
  }

  public int capacity() {
    return table.capacity();
  }

  /** Ids forgotten to make room for newer ones. */
  public long evicted() {
    return table.evicted();
  }

  private long fingerprint(String text) {
    MessageDigest sha = SHA_256.get();
    sha.update(salt);
    return ByteBuffer.wrap(sha.digest(text.getBytes(StandardCharsets.UTF_8))).getLong();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
