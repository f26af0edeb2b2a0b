package io.newswire.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The records-per-minute count a stage's health shows: a sliding minute of one-second slots. */
class LoopStatusTest {
  @Test
  void countsTheLastMinuteOnly() {
    LoopStatus status = new LoopStatus();
    long t = 1_000_000;
    status.finished(5, t);
    status.finished(3, t);
    status.finished(2, t + 30);
    assertEquals(10, status.perMinute(t + 30));
    assertEquals(10, status.perMinute(t + 59));
    assertEquals(2, status.perMinute(t + 60), "the first second has left the minute");
    assertEquals(0, status.perMinute(t + 90));
  }

  @Test
  void aSlotUsedAgainAMinuteLaterStartsFromNothing() {
    LoopStatus status = new LoopStatus();
    long t = 2_000_000;
    status.finished(7, t);
    status.finished(1, t + 60);
    assertEquals(1, status.perMinute(t + 60));
    assertEquals(1, status.perMinute(t + 61));
  }

  @Test
  void lagIsUnknownBeforeTheFirstPoll() {
    assertEquals(-1, new LoopStatus().lag());
  }
}
