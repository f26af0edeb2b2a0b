package io.newswire.fetcher.robots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.fetcher.TestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HostGateTest {

  /**
   * Issue 12: a million hosts visited leave only the slots of hosts in flight or still in their
   * crawl delay.
   */
  @Test
  void aMillionHostsLeaveFewSlots() throws Exception {
    HostGate gate = new HostGate();
    for (int i = 0; i < 1_000_000; i++) {
      try (HostGate.Permit permit = gate.acquire("host-" + i + ".example", 0)) {
        assertTrue(gate.size() <= HostGate.FIRST_SWEEP_AT);
      }
    }
  }

  /** Dropping idle slots must not shorten a crawl delay: a host in its delay keeps its slot. */
  @Test
  void aHostInItsCrawlDelayIsStillGatedAfterOthersWereSwept() throws Exception {
    HostGate gate = new HostGate();
    gate.acquire("polite.example", 3_600_000).close(); // an hour before the next request
    for (int i = 0; i < 10 * HostGate.FIRST_SWEEP_AT; i++) {
      gate.acquire("host-" + i + ".example", 0).close();
    }
    AtomicBoolean acquired = new AtomicBoolean();
    Thread next =
        new Thread(
            () -> {
              try {
                gate.acquire("polite.example", 0).close();
                acquired.set(true);
              } catch (InterruptedException e) {
                // waited, as it should, until the test stopped it
              }
            });
    next.start();
    TestSupport.await(
        "the request to wait for its turn",
        () -> acquired.get() || next.getState() == Thread.State.TIMED_WAITING);
    assertFalse(acquired.get(), "the host's crawl delay was forgotten with its slot");
    next.interrupt();
    next.join();
  }

  /**
   * Slots dropped while other threads look them up never let two requests to one host overlap (a
   * thread that finds a slot just retired takes the new one).
   */
  @Test
  void twoRequestsToOneHostNeverOverlapWhileSlotsAreDropped() throws Exception {
    HostGate gate = new HostGate();
    String[] hot = {"a.example", "b.example"};
    AtomicInteger[] inFlight = {new AtomicInteger(), new AtomicInteger()};
    AtomicReference<String> overlap = new AtomicReference<>();
    AtomicInteger cold = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < 50_000 && overlap.get() == null; i++) {
                    int h = i % 2;
                    try (HostGate.Permit permit = gate.acquire(hot[h], 0)) {
                      if (inFlight[h].incrementAndGet() != 1) {
                        overlap.set(hot[h]);
                      }
                      inFlight[h].decrementAndGet();
                    }
                    gate.acquire("cold-" + cold.incrementAndGet() + ".example", 0)
                        .close(); // makes the sweeps come
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(null, overlap.get(), "two requests in flight at once to " + overlap.get());
  }
}
