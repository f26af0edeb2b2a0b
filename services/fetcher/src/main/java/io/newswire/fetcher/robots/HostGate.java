package io.newswire.fetcher.robots;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * At most one request in flight per host, and a pause (the crawl delay) between the end of one
 * request and the start of the next. Holds across all sources of this instance; across instances it
 * holds because each host belongs to one instance.
 *
 * <p>A host's slot is dropped once it is idle: unlocked, nobody waiting, and its crawl delay over,
 * so that nothing is lost by starting it afresh. Idle slots are looked for whenever the map has
 * doubled since the last look (and not below {@link #FIRST_SWEEP_AT}), which costs a constant
 * amount per request on average. The map then holds the hosts in flight or requested within the
 * last {@code newswire.fetcher.max-crawl-delay}, at most as many idle ones again, or fewer than
 * {@link #FIRST_SWEEP_AT} slots, however many hosts were ever visited.
 */
public final class HostGate {
  /** Slots held before idle ones are first looked for. */
  static final int FIRST_SWEEP_AT = 1024;

  private final Map<String, Slot> slots = new ConcurrentHashMap<>();
  private final AtomicBoolean sweeping = new AtomicBoolean();
  private volatile int sweepAt = FIRST_SWEEP_AT;

  private static final class Slot {
    final ReentrantLock lock = new ReentrantLock(true);

    /** Guarded by lock, as is {@link #retired}. */
    long nextAllowedNanos = System.nanoTime();

    /** Taken out of the map: whoever locks it next must look the host up again. */
    boolean retired;
  }

  /** A held turn on one host; closing it starts the host's crawl delay. */
  public final class Permit implements AutoCloseable {
    private final Slot slot;
    private final long delayNanos;

    private Permit(Slot slot, long delayNanos) {
      this.slot = slot;
      this.delayNanos = delayNanos;
    }

    @Override
    public void close() {
      slot.nextAllowedNanos = System.nanoTime() + delayNanos;
      slot.lock.unlock();
    }
  }

  /** Waits for the host's turn; {@code delayMillis} is the pause to leave after this request. */
  public Permit acquire(String host, long delayMillis) throws InterruptedException {
    if (slots.size() >= sweepAt) {
      sweep();
    }
    Slot slot = lockedSlot(host);
    try {
      long wait = slot.nextAllowedNanos - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
    } catch (InterruptedException e) {
      slot.lock.unlock();
      throw e;
    }
    return new Permit(slot, delayMillis * 1_000_000);
  }

  /** Slots held now. */
  int size() {
    return slots.size();
  }

  /**
   * The host's slot, locked. A slot found in the map may be retired by {@link #sweep} before this
   * thread locks it; it is then let go and the host looked up again, so only the slot in the map is
   * ever held, and a host never has two requests in flight.
   */
  private Slot lockedSlot(String host) throws InterruptedException {
    while (true) {
      Slot slot = slots.computeIfAbsent(host, h -> new Slot());
      slot.lock.lockInterruptibly();
      if (!slot.retired) {
        return slot;
      }
      slot.lock.unlock();
    }
  }

  private void sweep() {
    if (!sweeping.compareAndSet(false, true)) {
      return; // another thread is at it
    }
    try {
      long now = System.nanoTime();
      slots.forEach(
          (host, slot) -> {
            if (slot.lock.tryLock()) {
              try {
                // hold count 1: not a turn this thread itself holds
                if (slot.lock.getHoldCount() == 1
                    && !slot.lock.hasQueuedThreads()
                    && now - slot.nextAllowedNanos >= 0) {
                  slot.retired = true;
                  slots.remove(host, slot);
                }
              } finally {
                slot.lock.unlock();
              }
            }
          });
      sweepAt = Math.max(FIRST_SWEEP_AT, 2 * slots.size());
    } finally {
      sweeping.set(false);
    }
  }
}
