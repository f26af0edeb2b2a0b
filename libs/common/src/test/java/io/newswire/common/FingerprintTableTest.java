package io.newswire.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FingerprintTableTest {

  @Test
  void aNewKeyPastTheCapacityDropsTheKeyFirstPutLongestAgoAndAnUpdateKeepsItsPlace() {
    FingerprintTable table = new FingerprintTable(3);
    table.put(1, 10);
    table.put(2, 20);
    table.put(3, 30);
    table.put(1, 11); // updated in place: still the oldest
    table.put(4, 40);
    assertFalse(table.contains(1));
    assertTrue(table.matches(2, 20) && table.matches(3, 30) && table.matches(4, 40));
    assertFalse(table.matches(2, 21));
    assertEquals(40, table.get(4, -1));
    assertEquals(-1, table.get(1, -1));
    assertEquals(3, table.size());
    assertEquals(1, table.evicted());
  }

  /**
   * Random puts behave as an insertion-ordered map cut to the capacity, through growth and
   * eviction.
   */
  @Test
  void behavesAsABoundedInsertionOrderedMap() {
    int capacity = 3000; // grows from 1024 twice, then evicts
    long[] keys = new Random(11).longs(6000).toArray();
    FingerprintTable table = new FingerprintTable(capacity);
    LinkedHashMap<Long, Long> model = new LinkedHashMap<>();
    Random random = new Random(12);
    for (int i = 0; i < 200_000; i++) {
      long key = keys[random.nextInt(keys.length)];
      long value = random.nextLong();
      table.put(key, value);
      if (!model.containsKey(key) && model.size() == capacity) {
        model.remove(model.keySet().iterator().next());
      }
      model.put(key, value);
    }
    assertSame(model, table, Arrays.stream(keys).boxed().toList());
  }

  /**
   * Removal moves later entries of a probe run back: after removals and re-insertions, including
   * keys whose run wraps round the end of the index, every other key is still found. (Fewer
   * insertions than the capacity: a removed key's ring position stays taken until the ring wraps.)
   */
  @Test
  void removedKeysAreGoneAndTheOthersStillFound() {
    FingerprintTable table = new FingerprintTable(3000); // ring 2048, then 3000; index 4096 slots
    Map<Long, Long> model = new HashMap<>();
    Random random = new Random(7);
    List<Long> keys = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      keys.add(random.nextLong());
    }
    for (int i = 0; i < 8; i++) {
      long high = random.nextInt() & 0xFFFF_FFFFL;
      keys.add(high << 32 | ((high ^ 4094) & 0xFFF)); // home slot 4094: the run wraps to the start
    }
    keys.forEach(key -> put(table, model, key));
    assertSame(model, table, keys);

    Collections.shuffle(keys, random);
    keys.subList(0, 1000).forEach(key -> remove(table, model, key));
    assertSame(model, table, keys);

    keys.subList(0, 500).forEach(key -> put(table, model, key));
    keys.subList(500, 1200).forEach(key -> remove(table, model, key));
    assertSame(model, table, keys);

    for (int i = 0; i < 400; i++) {
      long key = random.nextLong();
      keys.add(key);
      put(table, model, key);
    }
    assertSame(model, table, keys);
    assertEquals(0, table.evicted());
  }

  private static void put(FingerprintTable table, Map<Long, Long> model, long key) {
    long value = key * 31;
    table.put(key, value);
    model.put(key, value);
  }

  private static void remove(FingerprintTable table, Map<Long, Long> model, long key) {
    table.remove(key);
    model.remove(key);
  }

  private static void assertSame(
      Map<Long, Long> model, FingerprintTable table, Iterable<Long> keys) {
    assertEquals(model.size(), table.size());
    for (long key : keys) {
      Long value = model.get(key);
      assertEquals(value != null, table.contains(key), "key " + key);
      if (value != null) {
        assertTrue(table.matches(key, value), "value of " + key);
      }
    }
  }
}
