package io.newswire.alerter.match;

import io.newswire.common.FingerprintTable;
import io.newswire.model.Alert;
import io.newswire.model.DocumentIds;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of alerts already published (read back from newswire.alerts at start and as they arrive),
 * so a replayed or re-fetched article never alerts twice for one rule, and the most recent alerts
 * for {@code alerts tail}.
 *
 * <p>Bounded, since the alerts topic keeps every alert: the ledger remembers the last {@code
 * capacity} alert ids ({@code newswire.alerter.ledger-capacity}), each as a 64-bit fingerprint (the
 * first 8 bytes of its SHA-256), and forgets the oldest first. Two consequences, both rare:
 *
 * <ul>
 *   <li>an alert older than the newest {@code capacity} ones is forgotten: when its article comes
 *       again (a replay of newswire.clean, a re-fetch) and still matches the rule, it alerts again.
 *       At 10,000 alerts a day the default window of 2,000,000 spans more than six months;
 *   <li>a new alert whose id shares a fingerprint with one of the {@code n} remembered is taken for
 *       published and not sent: a chance of {@code n / 2^64} per new alert, about 1 in 9 trillion
 *       with the window full at 2,000,000, or 1 in 9,000 over a billion alerts. With SHA-256,
 *       finding an id that collides with a given alert's takes some 2^64 tries, so nobody can
 *       suppress an alert on purpose.
 * </ul>
 */
public final class AlertLedger {
  private final FingerprintTable published;
  private final Deque<Entry> recent = new ArrayDeque<>();
  private final int recentCapacity;
  private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
  private long sequence;

  /** An alert with its position in this instance's feed of recent alerts. */
  public record Entry(long sequence, Alert alert) {}

  /**
   * What one rule raised, as read from newswire.alerts since this instance started (the whole
   * topic, which it reads from the beginning): its alerts, the later copies added to them, and when
   * it last matched. One per rule that ever alerted, deleted rules included: a few dozen bytes
   * each.
   */
  public record Tally(long alerts, long copies, Instant last) {
    static final Tally NONE = new Tally(0, 0, null);

    Tally plus(Alert alert) {
      boolean copy = alert.copyOf() != null;
      Instant at = alert.matchedAt();
      Instant latest = last == null || (at != null && at.isAfter(last)) ? at : last;
      return new Tally(alerts + (copy ? 0 : 1), copies + (copy ? 1 : 0), latest);
    }
  }

  /**
   * @param recentCapacity alerts kept for {@link #after}
   * @param capacity alert ids remembered as published
   */
  public AlertLedger(int recentCapacity, int capacity) {
    if (capacity < 1 || capacity > FingerprintTable.MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "newswire.alerter.ledger-capacity must be between 1 and "
              + FingerprintTable.MAX_CAPACITY
              + ", not "
              + capacity);
    }
    this.recentCapacity = recentCapacity;
    this.published = new FingerprintTable(capacity);
  }

  public boolean published(String alertId) {
    return published.contains(fingerprint(alertId));
  }

  /** How many alert ids are remembered: at most the capacity. */
  public int size() {
    return published.size();
  }

  /**
   * What a published record stands for: its id, and the rule's alert on its article, so that the
   * copy that raised a story's alert is never added to it as a copy when it is replayed ({@link
   * AlertMatcher}).
   */
  public static List<String> keysOf(Alert alert) {
    return List.of(alert.alertId(), DocumentIds.forAlert(alert.ruleId(), alert.articleId()));
  }

  /** Records an alert seen on the topic. */
  public void record(Alert alert) {
    markPublished(keysOf(alert));
    tallies.merge(alert.ruleId(), Tally.NONE.plus(alert), (a, b) -> a.plus(alert));
    synchronized (recent) {
      recent.addLast(new Entry(++sequence, alert));
      while (recent.size() > recentCapacity) {
        recent.removeFirst();
      }
    }
  }

  /** Marks ids as published before they are read back, once their transaction committed. */
  public void markPublished(List<String> alertIds) {
    for (String alertId : alertIds) {
      published.put(fingerprint(alertId), 0);
    }
  }

  /** What the rule with {@code ruleId} raised; nothing for a rule that never matched. */
  public Tally tally(String ruleId) {
    return tallies.getOrDefault(ruleId, Tally.NONE);
  }

  /** Recent alerts with a sequence number above {@code after}, oldest first. */
  public List<Entry> after(long after) {
    synchronized (recent) {
      List<Entry> out = new ArrayList<>();
      for (Entry entry : recent) {
        if (entry.sequence() > after) {
          out.add(entry);
        }
      }
      return out;
    }
  }

  static long fingerprint(String alertId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(alertId.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
