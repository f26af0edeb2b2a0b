package io.newswire.indexer;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Makes freshly indexed articles searchable soon after their bulk request instead of at the
 * index's next scheduled refresh (every {@code refresh_interval}, 1 s). A refresh follows a write
 * at once when the last one began at least {@code minGap} ago, else at that mark, so there is at
 * most one refresh per {@code minGap} however fast articles arrive, and none while nothing is
 * written. The scheduled refresh stays as the fallback: a failed refresh is only logged.
 */
final class Refresher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Refresher.class);

  private final Elastic es;
  private final String alias;
  private final long minGapNanos;
  private final ScheduledExecutorService scheduler;
  private long lastStart = Long.MIN_VALUE / 2;
  private boolean scheduled;

  Refresher(Elastic es, String alias, Duration minGap) {
    this.es = es;
    this.alias = alias;
    this.minGapNanos = minGap.toNanos();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "indexer-refresh");
      t.setDaemon(true);
      return t;
    });
  }

  /** Called after a bulk request indexed at least one article. */
  synchronized void written() {
    if (scheduled) {
      return;
    }
    scheduled = true;
    long wait = Math.max(0, lastStart + minGapNanos - System.nanoTime());
    scheduler.schedule(this::refresh, wait, TimeUnit.NANOSECONDS);
  }

  private void refresh() {
    synchronized (this) {
      scheduled = false;
      lastStart = System.nanoTime();
    }
    try {
      EsResponse response = es.call("POST", "/" + alias + "/_refresh", null);
      if (!response.ok()) {
        LOG.debugf("Refresh of %s refused (the scheduled refresh still applies): %s", alias, response.reason());
      }
    } catch (IOException e) {
      LOG.debugf("Refresh of %s failed (the scheduled refresh still applies): %s", alias, e.getMessage());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
