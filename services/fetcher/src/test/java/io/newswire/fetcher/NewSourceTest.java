package io.newswire.fetcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.fetcher.SourcesResource.NewSource;
import io.newswire.fetcher.source.SourceDefinition;
import io.newswire.fetcher.source.SourceType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a {@code POST /sources} the fetcher refuses names the field to correct, so the
 * console's form shows the reason by that field.
 */
class NewSourceTest {

  @Test
  void aGoodBodyIsTheDefinitionTheCliAndTheConsoleSend() {
    assertEquals(
        new SourceDefinition(
            "think-tank",
            SourceType.FEED,
            null,
            "https://example.org/feed.xml",
            Duration.ofMinutes(10)),
        new NewSource("think-tank", "feed", null, "https://example.org/feed.xml", "10m")
            .definition());
    assertEquals(
        SourceDefinition.folder("reports", "deploy/seed/reports"),
        new NewSource("reports", "folder", "deploy/seed/reports", null, null).definition());
  }

  @Test
  void eachRefusalNamesItsField() {
    assertRefused(
        "name",
        "needs a name",
        new NewSource(" ", "feed", null, "https://example.org/f.xml", null));
    assertRefused(
        "type",
        "unknown source type 'rss'",
        new NewSource("n", "rss", null, "https://example.org/f.xml", null));
    assertRefused(
        "type",
        "unknown source type",
        new NewSource("n", null, null, "https://example.org/f.xml", null));
    assertRefused(
        "interval",
        "interval 'soon'",
        new NewSource("n", "feed", null, "https://example.org/f.xml", "soon"));
    assertRefused("url", "needs a url", new NewSource("n", "sitemap", null, null, null));
    assertRefused(
        "url",
        "must be http or https",
        new NewSource("n", "feed", null, "file:///etc/passwd", null));
    assertRefused("url", "", new NewSource("n", "page", null, "https://exa mple.org/", null));
    assertRefused("path", "needs a path", new NewSource("n", "folder", " ", null, null));
  }

  @Test
  void aStepsRefusalIsLaidAtTheFieldGiven() {
    InvalidField e =
        assertThrows(
            InvalidField.class,
            () ->
                InvalidField.in(
                    "path",
                    () -> {
                      throw new IllegalArgumentException("outside newswire.fetcher.folder-roots");
                    }));
    assertEquals("path", e.field());
    assertEquals("outside newswire.fetcher.folder-roots", e.getMessage());
    assertEquals("kept", InvalidField.in("path", () -> "kept"));
  }

  private static void assertRefused(String field, String why, NewSource body) {
    InvalidField e = assertThrows(InvalidField.class, body::definition);
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }
}
