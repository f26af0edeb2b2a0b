package io.newswire.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.junit.jupiter.api.Test;

class LoopSupervisorTest {

  @Test
  void aFailedAttemptIsFollowedByANewOneUntilOneEnds() {
    AtomicInteger attempts = new AtomicInteger();
    LoopSupervisor.run("test loop", () -> true, () -> {
      if (attempts.incrementAndGet() < 3) {
        throw new TimeoutException("Timeout of 60000ms expired before the position could be determined");
      }
    }, 10);
    assertEquals(3, attempts.get());
  }

  @Test
  void closingEndsItDuringThePauseAndWakingUpEndsItAtOnce() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger attempts = new AtomicInteger();
    Thread loop = new Thread(() -> LoopSupervisor.run("test loop", running::get, () -> {
      attempts.incrementAndGet();
      throw new IllegalStateException("Could not write to newswire.clean.dlq");
    }, 60_000));
    loop.start();
    while (attempts.get() == 0) {
      Thread.sleep(5);
    }
    running.set(false);
    loop.join(TimeUnit.SECONDS.toMillis(5));
    assertFalse(loop.isAlive(), "still pausing after being closed");
    assertEquals(1, attempts.get());

    AtomicInteger woken = new AtomicInteger();
    LoopSupervisor.run("test loop", () -> true, () -> {
      woken.incrementAndGet();
      throw new WakeupException();
    }, 10);
    assertEquals(1, woken.get(), "a wake-up is closing, not a failure");
  }

  @Test
  void anInterruptedAttemptIsNotStartedAgain() {
    AtomicInteger attempts = new AtomicInteger();
    LoopSupervisor.run("test loop", () -> true, () -> {
      attempts.incrementAndGet();
      throw new InterruptedException();
    }, 10);
    assertEquals(1, attempts.get());
  }
}
