package io.newswire.fetcher.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class InMemorySeenStoreTest {

  @Test
  void remembersWhatWasLastRecordedPerId() {
    InMemorySeenStore seen = new InMemorySeenStore();
    assertFalse(seen.isSeen("a"));
    seen.markSeen("a", "hash-1");
    assertTrue(seen.isSeen("a"));
    assertTrue(seen.matches("a", "hash-1"));
    seen.markSeen("a", "rejected:robots");
    assertFalse(seen.matches("a", "hash-1"));
    assertTrue(seen.matches("a", "rejected:robots"));
    assertFalse(seen.matches("b", "rejected:robots"));
    seen.forget("a");
    assertFalse(seen.isSeen("a"));
  }

  @Test
  void aCapacityOutsideTheTableNamesTheSetting() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new InMemorySeenStore(0));
    assertTrue(e.getMessage().contains("newswire.fetcher.seen-capacity"), e.getMessage());
  }

  /**
   * Issue 12: a fetcher that has seen 1,000,000 items holds no more than its capacity, the newest
   * ones, and its heap stays where it was once the capacity was reached.
   */
  @Test
  void aMillionDistinctIdsLeaveTheNewestAtTheCapacityAndTheHeapFlat() {
    int capacity = 250_000;
    int items = 1_000_000;
    long before = usedHeapAfterGc();
    InMemorySeenStore seen = new InMemorySeenStore(capacity);
    long atCapacity = 0;
    for (int i = 0; i < items; i++) {
      String id = id(i);
      if (!seen.isSeen(id)) {
        seen.markSeen(id, "content-" + i);
      }
      assertTrue(seen.size() <= capacity);
      if (i == capacity - 1) {
        atCapacity = usedHeapAfterGc();
      }
    }
    long after = usedHeapAfterGc();
    System.out.printf(
        "seen-state of capacity %,d: heap %,d KB before, %,d KB more at %,d ids, %,d KB more after %,d"
            + " (%.1f bytes an id held)%n",
        capacity,
        before / 1024,
        (atCapacity - before) / 1024,
        capacity,
        (after - before) / 1024,
        items,
        (after - before) / (double) capacity);

    assertEquals(capacity, seen.size());
    assertEquals(items - capacity, seen.evicted());
    for (int i = items - 1000; i < items; i++) {
      assertTrue(seen.matches(id(i), "content-" + i), "one of the newest ids is held");
    }
    for (int i = 0; i < 1000; i++) {
      assertFalse(seen.isSeen(id(i)), "one of the oldest ids is forgotten");
    }
  }

  private static String id(int i) {
    return "https://example.org/reports/" + i + "/a-report-with-a-long-slug";
  }

  static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
