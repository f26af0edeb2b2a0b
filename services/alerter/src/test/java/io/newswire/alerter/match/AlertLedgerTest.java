package io.newswire.alerter.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.model.Alert;
import io.newswire.model.DocumentIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 12: the ledger of published alert ids grew with every alert ever published. */
class AlertLedgerTest {
  private static final int CAPACITY = 10_000;
  private static final int RECORDED = 200_000;

  private static String alertId(int i) {
    return DocumentIds.forAlert(
        "rule-" + (i % 7), DocumentIds.forUrl("https://example.org/report/" + i));
  }

  @Test
  void remembersTheNewestIdsUpToItsCapacityAndForgetsTheOldestFirst() {
    AlertLedger ledger = new AlertLedger(10, CAPACITY);
    List<String> batch = new ArrayList<>();
    for (int i = 0; i < RECORDED; i++) {
      batch.add(alertId(i));
      if (batch.size() == 1_000) {
        ledger.markPublished(batch);
        batch.clear();
        assertEquals(Math.min(i + 1, CAPACITY), ledger.size());
      }
    }
    assertEquals(
        CAPACITY, ledger.size(), "20 times the capacity recorded, the size stays at the cap");
    for (int i = RECORDED - CAPACITY; i < RECORDED; i++) {
      assertTrue(
          ledger.published(alertId(i)), "one of the newest " + CAPACITY + " forgotten: " + i);
    }
    int remembered = 0;
    for (int i = 0; i < RECORDED - CAPACITY; i++) {
      remembered += ledger.published(alertId(i)) ? 1 : 0;
    }
    assertEquals(0, remembered, "the oldest 190,000 are forgotten");
  }

  /** Issue 14: the rules page shows what each rule raised and when it last did. */
  @Test
  void eachRuleTalliesItsAlertsAndCopiesAndItsLatestMatch() {
    AlertLedger ledger = new AlertLedger(10, 100);
    Instant t = Instant.parse("2026-12-01T10:00:00Z");
    ledger.record(alert("a1", "nato", null, t.plusSeconds(60)));
    ledger.record(
        alert("a2", "nato", null, t)); // read back out of order: the latest stays the latest
    ledger.record(alert("c1", "nato", "a1", t.plusSeconds(30)));
    ledger.record(alert("b1", "minsk", null, t.plusSeconds(5)));
    assertEquals(new AlertLedger.Tally(2, 1, t.plusSeconds(60)), ledger.tally("nato"));
    assertEquals(new AlertLedger.Tally(1, 0, t.plusSeconds(5)), ledger.tally("minsk"));
    assertEquals(new AlertLedger.Tally(0, 0, null), ledger.tally("never-matched"));
  }

  private static Alert alert(String id, String rule, String copyOf, Instant at) {
    return new Alert(
        2,
        id,
        rule,
        rule,
        "article-" + id,
        "t",
        "https://example.org/" + id,
        List.of(),
        "s",
        at,
        "src",
        "story-" + id,
        copyOf);
  }

  @Test
  void anIdMarkedPublishedAndThenReadBackTakesOnePlace() {
    AlertLedger ledger = new AlertLedger(10, 3);
    ledger.markPublished(List.of("a", "b"));
    ledger.markPublished(List.of("a")); // read back from newswire.alerts after the commit
    assertEquals(2, ledger.size());
    ledger.markPublished(List.of("c", "d")); // "a" is still the oldest, and goes first
    assertFalse(ledger.published("a"));
    assertTrue(ledger.published("b") && ledger.published("c") && ledger.published("d"));
  }

  @Test
  void itHoldsNoMoreThanItsCapacityHoweverManyAreRecorded() {
    AlertLedger ledger = new AlertLedger(10, CAPACITY);
    for (long i = 0; i < RECORDED; i++) {
      ledger.markPublished(List.of("id-" + i));
      if (i % 10_000 == 0) {
        assertTrue(ledger.size() <= CAPACITY, "over the capacity after " + i);
      }
    }
    assertEquals(CAPACITY, ledger.size());
  }
}
