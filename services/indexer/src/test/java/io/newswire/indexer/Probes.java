package io.newswire.indexer;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Waits in the integration tests: a probe is asked every 250 ms until its answer will do, or the time is up. */
final class Probes {

  private Probes() {}

  /** The first answer {@code done} accepts; a probe that cannot reach its server yet is asked again. */
  static <T> T await(String what, Duration timeout, Callable<T> probe, Predicate<T> done) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = probe.call();
        if (done.test(last)) {
          return last;
        }
      } catch (IOException e) {
        // not reachable yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Timed out waiting for " + what + "; last seen: " + last);
  }
}
