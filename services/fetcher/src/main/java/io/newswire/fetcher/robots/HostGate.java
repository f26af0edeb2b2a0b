package io.newswire.fetcher.robots;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * At most one request in flight per host, and a pause (the crawl delay) between the end of one
 * request and the start of the next. Holds across all sources of this instance; across instances
 * it holds because each host belongs to one instance.
 */
public final class HostGate {
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();

  private static final class Slot {
    final ReentrantLock lock = new ReentrantLock(true);
    long nextAllowedNanos = System.nanoTime();
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
    Slot slot = slots.computeIfAbsent(host, h -> new Slot());
    slot.lock.lockInterruptibly();
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
}
