package io.newswire.common;

import java.util.Arrays;

/**
 * A bounded map from a 64-bit key to a 64-bit value in primitive arrays, about 24 bytes an entry at
 * capacity: the entries in a ring in the order their keys were first put (16 bytes), found through
 * an open-addressing index of ring positions (linear probing, at most 3/4 full). Once {@code
 * capacity} keys are held, putting a new one drops the key first put longest ago; putting a held
 * key again changes its value in place and keeps its age. Arrays grow by doubling up to the
 * capacity, so a small deployment does not pay for the largest.
 *
 * <p>Thread-safe; every call is short and holds the table's lock. The fetcher's seen-state and the
 * alerter's ledger of published alerts both keep their ids in one, as fingerprints of 64 bits.
 */
public final class FingerprintTable {
  /** The index stays a Java array: at most 2^30 slots for 3/4 of them in use. */
  public static final int MAX_CAPACITY = 1 << 29;

  private static final int FIRST_LENGTH = 1024;

  private final int capacity;

  /**
   * The ring: key and value at each position; positions {@code [0, used)} hold entries or dead
   * keys.
   */
  private long[] keys;

  private long[] values;
  private int used;

  /** Where the next new key goes; once the ring is full, the position of the oldest. */
  private int head;

  /** Ring position + 1 of each key held, 0 for a free slot. */
  private int[] index;

  private int size;
  private long evicted;

  public FingerprintTable(int capacity) {
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "capacity must be between 1 and " + MAX_CAPACITY + ", was " + capacity);
    }
    this.capacity = capacity;
    int length = Math.min(capacity, FIRST_LENGTH);
    this.keys = new long[length];
    this.values = new long[length];
    this.index = new int[indexLength(length)];
  }

  public synchronized boolean contains(long key) {
    return slotOf(key) >= 0;
  }

  /** The value held for {@code key}, or {@code missing} when the key is not held. */
  public synchronized long get(long key, long missing) {
    int slot = slotOf(key);
    return slot >= 0 ? values[index[slot] - 1] : missing;
  }

  /** True if {@code key} is held with {@code value}. */
  public synchronized boolean matches(long key, long value) {
    int slot = slotOf(key);
    return slot >= 0 && values[index[slot] - 1] == value;
  }

  public synchronized void put(long key, long value) {
    int slot = slotOf(key);
    if (slot >= 0) {
      values[index[slot] - 1] = value;
      return;
    }
    if (used == keys.length) {
      if (keys.length < capacity) {
        grow();
      } else {
        evict(head);
      }
    }
    keys[head] = key;
    values[head] = value;
    index[freeSlot(key)] = head + 1;
    head = (head + 1) % keys.length;
    used = Math.min(used + 1, keys.length);
    size++;
  }

  /** Forgets {@code key}; its ring position stays dead until the ring comes round to it. */
  public synchronized void remove(long key) {
    int slot = slotOf(key);
    if (slot >= 0) {
      clear(slot);
      size--;
    }
  }

  public synchronized int size() {
    return size;
  }

  /** Keys dropped to make room for newer ones since the table was made. */
  public synchronized long evicted() {
    return evicted;
  }

  public int capacity() {
    return capacity;
  }

  /** Drops the entry at ring position {@code position}, unless it is dead or its key moved on. */
  private void evict(int position) {
    int slot = slotOf(keys[position]);
    if (slot >= 0 && index[slot] - 1 == position) {
      clear(slot);
      size--;
      evicted++;
    }
  }

  /** The index slot holding {@code key}, or -1. */
  private int slotOf(long key) {
    int mask = index.length - 1;
    for (int slot = home(key, mask); index[slot] != 0; slot = (slot + 1) & mask) {
      if (keys[index[slot] - 1] == key) {
        return slot;
      }
    }
    return -1;
  }

  private int freeSlot(long key) {
    int mask = index.length - 1;
    int slot = home(key, mask);
    while (index[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /**
   * Empties an index slot and moves later entries of its probe run back (Knuth's algorithm R for
   * linear probing), so that no tombstones pile up.
   */
  private void clear(int slot) {
    int mask = index.length - 1;
    int hole = slot;
    for (int next = (hole + 1) & mask; index[next] != 0; next = (next + 1) & mask) {
      int home = home(keys[index[next] - 1], mask);
      boolean staysPut = hole <= next ? hole < home && home <= next : hole < home || home <= next;
      if (!staysPut) {
        index[hole] = index[next];
        hole = next;
      }
    }
    index[hole] = 0;
  }

  /**
   * Doubles the ring (up to the capacity) while no key was evicted yet, so its order is its
   * positions.
   */
  private void grow() {
    int length = (int) Math.min(capacity, 2L * keys.length);
    keys = Arrays.copyOf(keys, length);
    values = Arrays.copyOf(values, length);
    head = used;
    int[] old = index;
    index = new int[indexLength(length)];
    for (int position : old) {
      if (position != 0) {
        index[freeSlot(keys[position - 1])] = position;
      }
    }
  }

  private static int home(long key, int mask) {
    return (int) (key ^ (key >>> 32)) & mask;
  }

  /** A power of two at least 4/3 of {@code entries}. */
  private static int indexLength(int entries) {
    long wanted = Math.max(2, (entries * 4L + 2) / 3);
    return (int) Long.highestOneBit(wanted - 1) << 1;
  }
}
