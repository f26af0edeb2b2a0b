package io.newswire.alerter.match;

import io.newswire.model.Alert;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of alerts already published (read back from newswire.alerts at start and as they
 * arrive), so a replayed or re-fetched article never alerts twice for one rule, and the most recent
 * alerts for {@code alerts tail}.
 */
public final class AlertLedger {
  private final Set<String> published = ConcurrentHashMap.newKeySet();
  private final Deque<Entry> recent = new ArrayDeque<>();
  private final int recentCapacity;
  private long sequence;

  /** An alert with its position in this instance's feed of recent alerts. */
  public record Entry(long sequence, Alert alert) {}

  public AlertLedger(int recentCapacity) {
    this.recentCapacity = recentCapacity;
  }

  public boolean published(String alertId) {
    return published.contains(alertId);
  }

  /** Records an alert seen on the topic. */
  public void record(Alert alert) {
    published.add(alert.alertId());
    synchronized (recent) {
      recent.addLast(new Entry(++sequence, alert));
      while (recent.size() > recentCapacity) {
        recent.removeFirst();
      }
    }
  }

  /** Marks ids as published before they are read back, once their transaction committed. */
  public void markPublished(List<String> alertIds) {
    published.addAll(alertIds);
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
}
