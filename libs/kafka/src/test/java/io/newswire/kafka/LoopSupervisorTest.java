package io.newswire.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.junit.jupiter.api.Test;

class LoopSupervisorTest {

  @Test
  void aFailedAttemptIsFollowedByANewOneUntilOneEnds() {
    AtomicInteger attempts = new AtomicInteger();
    LoopSupervisor.run(
        "test loop",
        () -> true,
        new LoopStatus(),
        () -> {
          if (attempts.incrementAndGet() < 3) {
            throw new TimeoutException(
                "Timeout of 60000ms expired before the position could be determined");
          }
        },
        10);
    assertEquals(3, attempts.get());
  }

  @Test
  void closingEndsItDuringThePauseAndWakingUpEndsItAtOnce() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger attempts = new AtomicInteger();
    Thread loop =
        new Thread(
            () ->
                LoopSupervisor.run(
                    "test loop",
                    running::get,
                    new LoopStatus(),
                    () -> {
                      attempts.incrementAndGet();
                      throw new IllegalStateException("Could not write to newswire.clean.dlq");
                    },
                    60_000));
    loop.start();
    while (attempts.get() == 0) {
      Thread.sleep(5);
    }
    running.set(false);
    loop.join(TimeUnit.SECONDS.toMillis(5));
    assertFalse(loop.isAlive(), "still pausing after being closed");
    assertEquals(1, attempts.get());

    AtomicInteger woken = new AtomicInteger();
    LoopSupervisor.run(
        "test loop",
        () -> true,
        new LoopStatus(),
        () -> {
          woken.incrementAndGet();
          throw new WakeupException();
        },
        10);
    assertEquals(1, woken.get(), "a wake-up is closing, not a failure");
  }

  @Test
  void anInterruptedAttemptIsNotStartedAgain() {
    AtomicInteger attempts = new AtomicInteger();
    LoopSupervisor.run(
        "test loop",
        () -> true,
        new LoopStatus(),
        () -> {
          attempts.incrementAndGet();
          throw new InterruptedException();
        },
        10);
    assertEquals(1, attempts.get());
  }

  /**
   * Issue 12: an Error escaping an attempt, such as a stack overflow, used to end the loop's thread
   * for good.
   */
  @Test
  void aStackOverflowStartsTheLoopAgainAndIsRecordedWithTheRecordItWasOn() {
    LoopStatus status = new LoopStatus();
    AtomicInteger attempts = new AtomicInteger();
    LoopSupervisor.run(
        "test loop",
        () -> true,
        status,
        () -> {
          if (attempts.incrementAndGet() == 1) {
            status.working(
                new ConsumerRecord<>("newswire.clean", 2, 41L, "deep-article", new byte[0]));
            recurse(0);
          }
        },
        10);
    assertEquals(2, attempts.get(), "started again after the stack overflow");
    assertEquals(1, status.restarts());
    String failure = status.lastFailure().orElseThrow();
    assertTrue(
        failure.startsWith(
            "java.lang.StackOverflowError on newswire.clean-2@41 (key deep-article) at "),
        failure);
    assertTrue(status.stoppedBy().isEmpty());
  }

  @Test
  void otherErrorsStartItAgainToo() {
    LoopStatus status = new LoopStatus();
    AtomicInteger attempts = new AtomicInteger();
    LoopSupervisor.run(
        "test loop",
        () -> true,
        status,
        () -> {
          if (attempts.incrementAndGet() < 3) {
            throw new NoClassDefFoundError("io/newswire/Missing");
          }
        },
        10);
    assertEquals(3, attempts.get());
    assertEquals(2, status.restarts());
    assertTrue(
        status
            .lastFailure()
            .orElseThrow()
            .startsWith("java.lang.NoClassDefFoundError: io/newswire/Missing at "));
  }

  @Test
  void outOfMemoryIsNotCaughtButRecordedAndThrownOn() {
    LoopStatus status = new LoopStatus();
    AtomicInteger attempts = new AtomicInteger();
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    OutOfMemoryError thrown =
        assertThrows(
            OutOfMemoryError.class,
            () ->
                LoopSupervisor.run(
                    "test loop",
                    () -> true,
                    status,
                    () -> {
                      attempts.incrementAndGet();
                      throw oom;
                    },
                    10));
    assertSame(oom, thrown);
    assertEquals(1, attempts.get(), "not started again within the JVM");
    assertEquals(0, status.restarts());
    assertTrue(
        status
            .stoppedBy()
            .orElseThrow()
            .startsWith("java.lang.OutOfMemoryError: Java heap space at "));
  }

  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }
}
