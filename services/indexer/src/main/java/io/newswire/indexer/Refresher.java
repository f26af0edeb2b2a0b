package io.newswire.indexer;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Makes freshly indexed articles searchable soon after their bulk request instead of at the index's
 * next scheduled refresh (every {@code refresh_interval}, 1 s). A refresh follows a write at once
 * when the last one began at least {@code minGap} ago, else at that mark, so there is at most one
 * refresh per {@code minGap}, and none while nothing is written. While articles arrive faster than
 * {@link #BUSY_RATE} a second it steps back: under heavy ingest each extra refresh leaves
 * Elasticsearch a small segment to write and merge (at 230 articles/s they tripled its CPU per
 * article, {@code ./newswire bench pipeline}), and the scheduled refresh keeps them within a
 * second, until the stream pauses: when the indexer has caught up ({@link #caughtUp}), what it
 * wrote since the last refresh is made searchable at once rather than at the next scheduled
 * refresh, so the tail of a burst does not wait up to a second. The scheduled refresh stays as the
 * fallback: a failed refresh is only logged.
 */
final class Refresher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Refresher.class);

  /** Articles per second above which the index's scheduled refresh is left to do the work. */
  static final int BUSY_RATE = 100;

  private static final long WINDOW_NANOS = 1_000_000_000L;

  private final Elastic es;
  private final String alias;
  private final long minGapNanos;
  private final ScheduledExecutorService scheduler;
  private long lastStart = Long.MIN_VALUE / 2;
  private boolean scheduled;
  private long windowStart = System.nanoTime();
  private int windowCount;
  private int previousWindowCount;
  private boolean unrefreshed;

  Refresher(Elastic es, String alias, Duration minGap) {
    this.es = es;
    this.alias = alias;
    this.minGapNanos = minGap.toNanos();
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "indexer-refresh");
              t.setDaemon(true);
              return t;
            });
  }

  /** Called after a bulk request indexed {@code articles} articles. */
  synchronized void written(int articles) {
    long now = System.nanoTime();
    if (now - windowStart >= WINDOW_NANOS) {
      previousWindowCount = now - windowStart < 2 * WINDOW_NANOS ? windowCount : 0;
      windowCount = 0;
      windowStart = now;
    }
    windowCount += articles;
    unrefreshed = true;
    if (Math.max(windowCount, previousWindowCount) <= BUSY_RATE) {
      schedule(now);
    }
  }

  /** Called when the indexer found nothing more to read for a poll's wait: the stream paused. */
  synchronized void caughtUp() {
    if (unrefreshed) {
      schedule(System.nanoTime());
    }
  }

  private void schedule(long now) {
    if (scheduled) {
      return;
    }
    scheduled = true;
    long wait = Math.max(0, lastStart + minGapNanos - now);
    scheduler.schedule(this::refresh, wait, TimeUnit.NANOSECONDS);
  }

  private void refresh() {
    synchronized (this) {
      scheduled = false;
      unrefreshed = false;
      lastStart = System.nanoTime();
    }
    try {
      EsResponse response = es.call("POST", "/" + alias + "/_refresh", null);
      if (!response.ok()) {
        LOG.debugf(
            "Refresh of %s refused (the scheduled refresh still applies): %s",
            alias, response.reason());
      }
    } catch (IOException e) {
      LOG.debugf(
          "Refresh of %s failed (the scheduled refresh still applies): %s", alias, e.getMessage());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
