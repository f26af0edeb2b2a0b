package io.newswire.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.kafka.DeadLetterArchive.Group;
import io.newswire.kafka.DeadLetterArchive.Letter;
import io.newswire.kafka.DeadLetterArchive.Shelf;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@code ./newswire dlq} and {@code GET /dead-letters} count and order a DLQ's letters. */
class DeadLetterArchiveTest {
  private static final Instant T = Instant.parse("2024-03-14T08:00:00Z");

  @Test
  void lettersCountByStageAndGistInTheOrderFirstRead() {
    Shelf shelf =
        new Shelf(
            "newswire.raw.dlq",
            List.of(
                letter(
                    0,
                    T,
                    "cleaner",
                    "invalid JSON for RawDocument: Unexpected character ('o')",
                    "newswire.raw-0@0"),
                letter(
                    1,
                    T,
                    "fetcher",
                    "file:a.html: binary file (contains NUL bytes), not text or HTML",
                    "newswire.raw"),
                letter(
                    2,
                    T,
                    "cleaner",
                    "invalid JSON for RawDocument: Unexpected end-of-input",
                    "newswire.raw-0@2")));

    assertEquals("newswire.raw", shelf.originTopic());
    assertEquals(
        List.of(
            new Group("cleaner", "invalid JSON for RawDocument", 2),
            new Group("fetcher", "binary file (contains NUL bytes), not text or HTML", 1)),
        shelf.groups());
    assertTrue(shelf.letters().get(0).wasRecord());
    assertFalse(shelf.letters().get(1).wasRecord(), "a file refused before it became a record");
  }

  @Test
  void theNewestComeFirstAndOfOneMillisecondTheLaterOffset() {
    Shelf shelf =
        new Shelf(
            "newswire.clean.dlq",
            List.of(
                letter(0, T, "indexer", "x", "newswire.clean-0@0"),
                letter(1, T.plusSeconds(5), "indexer", "x", "newswire.clean-0@1"),
                letter(2, T.plusSeconds(5), "alerter", "x", "newswire.clean-0@1")));

    assertEquals(List.of(2L, 1L), shelf.newest(2).stream().map(Letter::offset).toList());
    assertEquals(List.of(), shelf.newest(0));
  }

  private static Letter letter(
      long offset, Instant at, String stage, String reason, String origin) {
    return new Letter(
        "dlq",
        0,
        offset,
        at,
        "k" + offset,
        null,
        10,
        stage,
        reason,
        origin.replaceAll("-\\d+@\\d+$", ""),
        origin,
        null,
        null);
  }
}
