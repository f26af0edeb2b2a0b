package io.newswire.kafka;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Keeps a stage's consume loop alive: when an attempt fails with an exception the loop did not
 * handle (a Kafka call that timed out while the broker was away, a dead letter that could not be
 * written), the failure is logged with its reason and a new attempt starts after a pause that
 * doubles from 1 s to 30 s, and starts again from 1 s once an attempt has lasted a minute. A new
 * attempt opens new clients and resumes from the committed offsets, so what the failed one had not
 * committed is done again, never skipped. An attempt that returns has ended for good (closed, or
 * fenced by another instance); so has one interrupted or woken up for closing.
 *
 * <p>An {@link Error} is such a failure too: a thread that died of a {@code StackOverflowError} or
 * a {@code LinkageError} would otherwise stop the loop with nothing but a line on stderr while the
 * service went on answering its health checks. Each failure is logged and recorded in the loop's
 * {@link LoopStatus}, with the record the loop was on if it said. Only the JVM's own trouble
 * ({@code OutOfMemoryError}, {@code InternalError}) is not restarted, since nothing within the JVM
 * mends it: it is logged, recorded and thrown on, ending the loop. The services run with {@code
 * -XX:+ExitOnOutOfMemoryError}, so the JVM has usually exited before that, and Compose ({@code
 * restart: unless-stopped}) or Kubernetes starts the service again.
 */
public final class LoopSupervisor {
  private static final Logger LOG = Logger.getLogger(LoopSupervisor.class);
  private static final long FIRST_PAUSE_MILLIS = 1_000;
  private static final long MAX_PAUSE_MILLIS = 30_000;
  private static final long STEADY_NANOS = TimeUnit.MINUTES.toNanos(1);

  /** Sleeps in slices this long so that closing is not held up by a pause. */
  private static final long SLICE_MILLIS = 100;

  /** One attempt of the loop: returns when it has ended for good. */
  @FunctionalInterface
  public interface Attempt {
    void run() throws Exception;
  }

  private LoopSupervisor() {}

  /**
   * Runs {@code attempt} until it returns or {@code running} turns false.
   *
   * @param what names the loop in the log, e.g. "indexer: newswire.clean to Elasticsearch"
   */
  public static void run(String what, BooleanSupplier running, Attempt attempt) {
    run(what, running, new LoopStatus(), attempt);
  }

  /**
   * As {@link #run(String, BooleanSupplier, Attempt)}, recording each failure in {@code status}.
   */
  public static void run(String what, BooleanSupplier running, LoopStatus status, Attempt attempt) {
    run(what, running, status, attempt, FIRST_PAUSE_MILLIS);
  }

  static void run(
      String what,
      BooleanSupplier running,
      LoopStatus status,
      Attempt attempt,
      long firstPauseMillis) {
    long pause = firstPauseMillis;
    while (running.getAsBoolean()) {
      long started = System.nanoTime();
      try {
        attempt.run();
        return;
      } catch (WakeupException | InterruptException | InterruptedException e) {
        return;
      } catch (Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
          status.stopped(e);
          LOG.fatalf(
              e, "%s stopped%s by %s; the service must be restarted", what, status.position(), e);
          throw (VirtualMachineError) e;
        }
        if (!running.getAsBoolean()) {
          return;
        }
        if (System.nanoTime() - started >= STEADY_NANOS) {
          pause = firstPauseMillis;
        }
        LOG.errorf(
            e,
            "%s failed%s: %s; starting again in %d ms from the last committed offsets",
            what,
            status.position(),
            e instanceof Exception && e.getMessage() != null ? e.getMessage() : e,
            pause);
        status.restarted(e);
        if (!sleep(pause, running)) {
          return;
        }
        pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
      }
    }
  }

  /**
   * @return false when interrupted or closed during the pause
   */
  private static boolean sleep(long millis, BooleanSupplier running) {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    try {
      while (running.getAsBoolean() && System.nanoTime() < until) {
        Thread.sleep(
            Math.min(SLICE_MILLIS, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()) + 1));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return running.getAsBoolean();
  }
}
