package io.newswire.kafka;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * Whether a consume loop goes on: the part of its lifecycle every loop shares. It runs until {@link
 * #stop}, which also wakes the consumer of the loop's current attempt, so that a poll in progress
 * returns at once and the loop ends without waiting out its poll timeout.
 */
public final class Running {
  private final AtomicBoolean on = new AtomicBoolean(true);
  private volatile Consumer<?, ?> consumer;

  /** Whether the loop goes on. */
  public boolean get() {
    return on.get();
  }

  /** The consumer the loop polls now; each attempt of the loop brings its own. */
  public void polling(Consumer<?, ?> current) {
    consumer = current;
  }

  /** Ends the loop: no further poll, and the one in progress, if any, returns now. */
  public void stop() {
    on.set(false);
    Consumer<?, ?> current = consumer;
    if (current != null) {
      current.wakeup();
    }
  }
}
