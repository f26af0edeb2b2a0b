package io.newswire.fetcher.source;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The adaptive poll interval of one source: halved after a poll that found new items, grown by half
 * after one that found none, always between the floor and the ceiling, and spread by jitter so
 * sources started together do not poll together.
 */
public final class PollSchedule {
  private final Duration floor;
  private final Duration ceiling;
  private final double jitter;
  private Duration interval;

  public PollSchedule(Duration start, Duration floor, Duration ceiling, double jitter) {
    this.floor = floor;
    this.ceiling = ceiling;
    this.jitter = Math.max(0, Math.min(jitter, 0.5));
    this.interval = clamp(start);
  }

  /** The delay before the next poll, given how many new items the last one found. */
  public Duration next(int newItems) {
    interval = clamp(newItems > 0 ? interval.dividedBy(2) : interval.plus(interval.dividedBy(2)));
    return withJitter(interval);
  }

  public Duration current() {
    return interval;
  }

  private Duration withJitter(Duration d) {
    if (jitter == 0) {
      return d;
    }
    double factor = 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
    return Duration.ofMillis(Math.max(1, (long) (d.toMillis() * factor)));
  }

  private Duration clamp(Duration d) {
    if (d.compareTo(floor) < 0) {
      return floor;
    }
    return d.compareTo(ceiling) > 0 ? ceiling : d;
  }
}
