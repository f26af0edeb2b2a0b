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
 *
 * <p>That includes an {@link Error}: a {@code StackOverflowError} from a deeply nested document, an
 * {@code ExceptionInInitializerError} from a parser, an {@code OutOfMemoryError}. Uncaught, it
 * would end up unread in the poll's future and the source would never be scheduled again. Caught,
 * its class and message are the source's last error (what {@code sources list} shows). Catching an
 * {@code OutOfMemoryError} hides nothing: with {@code -XX:+ExitOnOutOfMemoryError}, as the images
 * and the launcher run, the JVM exits where the allocation fails, before any catch; one that gets
 * here was thrown by Java code (an array length too large) or the JVM runs without that flag.
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

  public PolledSource(
      String name,
      Poller poller,
      PollSchedule schedule,
      ScheduledExecutorService executor,
      SourceMonitor monitor) {
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
    boolean again = true;
    try {
      found = poller.poll();
      monitor.succeeded(name);
    } catch (FetchException e) {
      if (!closed) {
        monitor.failed(name, e.reason().tag(), e.getMessage());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      again = false;
    } catch (RuntimeException e) {
      if (!closed) {
        monitor.failed(name, "internal", e.toString());
        LOG.errorf(e, "source %s: poll failed", name);
      }
    } catch (Error e) {
      monitor.failed(name, "internal", e.toString());
      LOG.errorf(e, "source %s: poll failed; polled again at its next interval", name);
    } finally {
      // even if recording the failure failed (out of memory again), the source is not dropped
      if (again) {
        Duration delay = schedule.next(found);
        LOG.debugf("source %s: %d new, next poll in %s", name, found, delay);
        scheduleIn(delay);
      }
    }
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
