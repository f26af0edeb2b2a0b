package io.newswire.common;

import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a supervised loop has been through, for its health check and its log: how many times
 * {@link LoopSupervisor} started it again, the last failure with the record the loop was on, and
 * the failure that ended it for good if one did. A loop that keeps failing on one record thus says
 * which, in its health data as well as in the log.
 */
public final class LoopStatus {
  private final AtomicLong restarts = new AtomicLong();
  private volatile ConsumerRecord<?, ?> current;
  private volatile String lastFailure;
  private volatile String stoppedBy;

  /**
   * Notes the record the loop works on now, so that a failure escaping the loop can name it;
   * {@code null} once the loop is past its batch.
   */
  public void working(ConsumerRecord<?, ?> record) {
    current = record;
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

  /** Adds the restarts and failures to a stage's readiness, each name after {@code prefix}. */
  public void describe(HealthCheckResponseBuilder health, String prefix) {
    health.withData(prefix + "restarts", restarts());
    lastFailure().ifPresent(failure -> health.withData(prefix + "lastFailure", failure));
    stoppedBy().ifPresent(failure -> health.withData(prefix + "stoppedBy", failure));
  }

  /** Where the loop was, e.g. {@code " on newswire.clean-2@1234 (key abc)"}; empty when not on a record. */
  String position() {
    ConsumerRecord<?, ?> record = current;
    return record == null
        ? ""
        : " on " + record.topic() + "-" + record.partition() + "@" + record.offset() + " (key " + record.key() + ")";
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
