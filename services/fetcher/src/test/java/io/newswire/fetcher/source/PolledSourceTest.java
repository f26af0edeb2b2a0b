package io.newswire.fetcher.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswire.fetcher.TestSupport;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: an Error thrown by a poll is recorded and the source polled again, not silently
 * dropped.
 */
class PolledSourceTest {
  final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
  final SourceMonitor monitor = new SourceMonitor(new SimpleMeterRegistry());
  final PollSchedule schedule =
      new PollSchedule(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(5), 0);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void aStackOverflowInAPollIsTheSourcesLastErrorAndTheNextPollHappens() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    Poller deeplyNested = () -> polls.incrementAndGet() == 1 ? descend(0) : 0;
    try (PolledSource source =
        new PolledSource("nested", deeplyNested, schedule, executor, monitor)) {
      source.start();
      TestSupport.await("a second poll", () -> polls.get() >= 2);
    }
    SourceMonitor.Status status = monitor.status("nested");
    assertTrue(
        status.lastErrorReason.startsWith("internal: java.lang.StackOverflowError"),
        status.lastErrorReason);
    assertEquals(1, status.errors.get());
    assertTrue(status.lastSuccess != null, "the poll after the error went through");
  }

  @Test
  void anOutOfMemoryErrorThatReachesThePollIsRecordedWithItsMessageAndTheSourceGoesOn()
      throws Exception {
    AtomicInteger polls = new AtomicInteger();
    Poller huge =
        () -> {
          if (polls.incrementAndGet() == 1) {
            throw new OutOfMemoryError(
                "Required array length 2147483639 + 9 is too large"); // as Java code throws it
          }
          return 0;
        };
    try (PolledSource source = new PolledSource("huge", huge, schedule, executor, monitor)) {
      source.start();
      TestSupport.await("a second poll", () -> polls.get() >= 2);
    }
    assertEquals(
        "internal: java.lang.OutOfMemoryError: Required array length 2147483639 + 9 is too large",
        monitor.status("huge").lastErrorReason);
  }

  private static int descend(int depth) {
    return descend(depth + 1) + 1;
  }
}
