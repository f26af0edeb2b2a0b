package io.newswire.common;

import io.newswire.kafka.LoopStatus;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** A consume loop's figures in a stage's readiness check. */
public final class LoopHealth {
  private LoopHealth() {}

  /** Adds {@link LoopStatus#figures()} to {@code health}, each name after {@code prefix}. */
  public static void describe(HealthCheckResponseBuilder health, String prefix, LoopStatus status) {
    status
        .figures()
        .forEach(
            (name, value) -> {
              if (value instanceof Long number) {
                health.withData(prefix + name, number);
              } else {
                health.withData(prefix + name, String.valueOf(value));
              }
            });
  }
}
