package io.newswire.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void roundTripsACleanArticle() {
    var article =
        new CleanArticle(
            1,
            "id1",
            "https://example.org/a",
            "example",
            "Title",
            "2021-09",
            List.of("A. Author"),
            "en",
            "Europe",
            "First.\n\nSecond.",
            "h",
            "x1",
            Instant.parse("2021-09-01T10:00:00Z"),
            Instant.parse("2021-09-01T10:00:01Z"));
    byte[] json = Json.write(article);
    assertTrue(new String(json, StandardCharsets.UTF_8).contains("\"2021-09-01T10:00:00Z\""));
    assertEquals(article, Json.read(json, CleanArticle.class));
  }

  @Test
  void roundTripsTheStoryOfACopy() {
    var copy =
        new CleanArticle(
                1,
                "id2",
                "https://example.net/b",
                "other",
                "Title",
                null,
                List.of(),
                "en",
                null,
                "First.",
                "h",
                "x1",
                null,
                null)
            .inStory("id1", "id1");
    CleanArticle read = Json.read(Json.write(copy), CleanArticle.class);
    assertEquals(SchemaVersions.CLEAN_ARTICLE, read.schemaVersion());
    assertEquals("id1", read.storyId());
    assertEquals("id1", read.duplicateOf());
  }

  /** Issue 13: records written before stories read as articles of their own story. */
  @Test
  void readsVersionOneRecordsAsTheirOwnStory() {
    byte[] article =
        "{\"schemaVersion\":1,\"id\":\"a1\",\"text\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    CleanArticle read = Json.read(article, CleanArticle.class);
    assertEquals("a1", read.storyId());
    assertEquals(null, read.duplicateOf());
    byte[] alert =
        "{\"schemaVersion\":1,\"alertId\":\"x\",\"ruleId\":\"r\",\"articleId\":\"a1\"}"
            .getBytes(StandardCharsets.UTF_8);
    Alert readAlert = Json.read(alert, Alert.class);
    assertEquals("a1", readAlert.storyId());
    assertEquals(null, readAlert.copyOf());
  }

  @Test
  void rejectsAFutureSchemaVersionWithTheReason() {
    byte[] json = "{\"schemaVersion\":99,\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    var e = assertThrows(EventException.class, () -> Json.read(json, RawDocument.class));
    assertTrue(e.getMessage().contains("unsupported schema version 99"), e.getMessage());
  }

  @Test
  void rejectsInvalidAndEmptyValues() {
    var invalid =
        assertThrows(
            EventException.class,
            () -> Json.read("{not json".getBytes(StandardCharsets.UTF_8), RawDocument.class));
    assertTrue(invalid.getMessage().startsWith("invalid JSON"), invalid.getMessage());
    var empty = assertThrows(EventException.class, () -> Json.read(new byte[0], RawDocument.class));
    assertTrue(empty.getMessage().startsWith("empty value"), empty.getMessage());
  }
}
