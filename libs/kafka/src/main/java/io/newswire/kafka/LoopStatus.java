package io.newswire.kafka;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * What a supervised loop has been through, for its health check and its log: how many times {@link
 * LoopSupervisor} started it again, the last failure with the record the loop was on, and the
 * failure that ended it for good if one did. A loop that keeps failing on one record thus says
 * which, in its health data as well as in the log. Also how far the loop's consumer is behind the
 * ends of its partitions ({@code lag}) and how many records it finished in the last minute ({@code
 * perMinute}), for a screen to show a stage at a glance.
 */
public final class LoopStatus {
  /** One slot a second, over one minute. */
  private static final int SECONDS = 60;

  private final AtomicLong restarts = new AtomicLong();

  /**
   * Records finished per second, in slot {@code second % 60}; {@link #stamps} says which second a
   * slot holds.
   */
  private final AtomicLongArray done = new AtomicLongArray(SECONDS);

  private final AtomicLongArray stamps = new AtomicLongArray(SECONDS);
  private volatile long lag = -1;
  private volatile ConsumerRecord<?, ?> current;
  private volatile String lastFailure;
  private volatile String stoppedBy;

  /**
   * Notes the record the loop works on now, so that a failure escaping the loop can name it; {@code
   * null} once the loop is past its batch.
   */
  public void working(ConsumerRecord<?, ?> record) {
    current = record;
  }

  /**
   * Notes how far {@code consumer} is behind the ends of the partitions it holds, as of its last
   * fetch; call after each poll. Partitions it knows no end of yet count as not behind.
   */
  public void lagOf(Consumer<?, ?> consumer) {
    long behind = 0;
    for (TopicPartition partition : consumer.assignment()) {
      OptionalLong of = consumer.currentLag(partition);
      behind += of.isPresent() ? Math.max(0, of.getAsLong()) : 0;
    }
    lag = behind;
  }

  /** Records behind the ends of the loop's partitions at its last poll; -1 before its first. */
  public long lag() {
    return lag;
  }

  /** Counts {@code n} records the loop has finished (committed, indexed) now. */
  public void finished(long n) {
    finished(n, System.currentTimeMillis() / 1000);
  }

  void finished(long n, long second) {
    int slot = (int) (second % SECONDS);
    long stamp = stamps.get(slot);
    if (stamp != second && stamps.compareAndSet(slot, stamp, second)) {
      done.set(slot, 0);
    }
    done.addAndGet(slot, n);
  }

  /** Records finished in the minute up to now. */
  public long perMinute() {
    return perMinute(System.currentTimeMillis() / 1000);
  }

  long perMinute(long now) {
    long sum = 0;
    for (int slot = 0; slot < SECONDS; slot++) {
      if (now - stamps.get(slot) < SECONDS) {
        sum += done.get(slot);
      }
    }
    return sum;
  }

  public long restarts() {
    return restarts.get();
  }

  /** The last failure the loop was started again after, with where and when it happened. */
  public Optional<String> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  /** The failure that ended the loop for good (out of memory), if one did. */
  public Optional<String> stoppedBy() {
    return Optional.ofNullable(stoppedBy);
  }

  /**
   * The restarts and failures, the lag once known and the records of the last minute, as a stage's
   * readiness reports them ({@code restarts}, {@code lag}, {@code perMinute}, {@code lastFailure},
   * {@code stoppedBy}): numbers as {@code Long}, failures as {@code String}.
   */
  public Map<String, Object> figures() {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("restarts", restarts());
    if (lag >= 0) {
      figures.put("lag", lag);
    }
    figures.put("perMinute", perMinute());
    lastFailure().ifPresent(failure -> figures.put("lastFailure", failure));
    stoppedBy().ifPresent(failure -> figures.put("stoppedBy", failure));
    return figures;
  }

  /**
   * Where the loop was, e.g. {@code " on newswire.clean-2@1234 (key abc)"}; empty when not on a
   * record.
   */
  String position() {
    ConsumerRecord<?, ?> record = current;
    return record == null
        ? ""
        : " on "
            + record.topic()
            + "-"
            + record.partition()
            + "@"
            + record.offset()
            + " (key "
            + record.key()
            + ")";
  }

  void restarted(Throwable failure) {
    restarts.incrementAndGet();
    lastFailure = failure + position() + " at " + Instant.now();
    current = null;
  }

  void stopped(Throwable failure) {
    stoppedBy = failure + position() + " at " + Instant.now();
  }
}
