package io.newswire.fetcher.source;

import io.newswire.fetcher.http.FetchException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs a {@link Poller} on the shared poll threads at its adaptive interval. A failed poll is
 * counted and logged; the source keeps polling.
 */
public final class PolledSource implements RunningSource {
  private static final Logger LOG = Logger.getLogger(PolledSource.class);

  private final String name;
  private final Poller poller;
  private final PollSchedule schedule;
  private final ScheduledExecutorService executor;
  private final SourceMonitor monitor;
  private final Object polling = new Object();
  private volatile boolean closed;
  private ScheduledFuture<?> next;

  public PolledSource(String name, Poller poller, PollSchedule schedule, ScheduledExecutorService executor, SourceMonitor monitor) {
    this.name = name;
    this.poller = poller;
    this.schedule = schedule;
    this.executor = executor;
    this.monitor = monitor;
  }

  @Override
  public void start() {
    scheduleIn(Duration.ZERO);
  }

  private synchronized void scheduleIn(Duration delay) {
    if (!closed) {
      next = executor.schedule(this::pollOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void pollOnce() {
    synchronized (polling) {
      if (!closed) {
        pollAndReschedule();
      }
    }
  }

  private void pollAndReschedule() {
    int found = 0;
    try {
      found = poller.poll();
      monitor.succeeded(name);
    } catch (FetchException e) {
      if (closed) {
        return;
      }
      monitor.failed(name, e.reason().tag(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException e) {
      if (closed) {
        return;
      }
      monitor.failed(name, "internal", e.toString());
      LOG.errorf(e, "source %s: poll failed", name);
    }
    Duration delay = schedule.next(found);
    LOG.debugf("source %s: %d new, next poll in %s", name, found, delay);
    scheduleIn(delay);
  }

  /**
   * Stops polling and returns once a poll under way has ended (interrupted), so that the host can
   * be handed to another instance without two of them polling it at once.
   */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      if (next != null) {
        next.cancel(true);
      }
    }
    synchronized (polling) {
      // a poll under way has ended
    }
  }
}
