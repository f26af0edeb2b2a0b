package io.newswire.e2e;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polls until a condition holds; the pipeline is asynchronous, so tests wait for outcomes. */
final class Await {
  private Await() {}

  static <T> T until(
      String what, Duration timeout, Callable<T> probe, java.util.function.Predicate<T> done)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = probe.call();
        if (last != null && done.test(last)) {
          return last;
        }
      } catch (java.io.IOException e) {
        // not reachable yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "Timed out after "
            + timeout.toSeconds()
            + " s waiting for "
            + what
            + "; last seen: "
            + last);
  }
}
