package io.newswire.cleaner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.extract.ExtractionException;
import io.newswire.extract.Extractor;
import io.newswire.extract.text.LeadTitle;
import io.newswire.model.CleanArticle;
import io.newswire.model.DocumentIds;
import io.newswire.model.RawDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleCleanerTest {
  private final ArticleCleaner cleaner = new ArticleCleaner(new Extractor());

  private static String seed002() throws IOException {
    try (InputStream in =
        ArticleCleanerTest.class.getResourceAsStream("/002_d2404225d53646e3.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void keepsTheReportAndDropsTheTeasers() throws IOException {
    RawDocument raw =
        RawDocument.of("file:002_d2404225d53646e3.txt", "seeds", "text/plain", "UTF-8", seed002());
    CleanArticle clean = cleaner.clean(raw);
    assertEquals(DocumentIds.forUrl("file:002_d2404225d53646e3.txt"), clean.id());
    assertTrue(clean.text().contains("Lavrov"));
    assertFalse(clean.text().contains("Biden"), "teaser after 'Continue Reading'");
    assertFalse(clean.text().contains("Artsakh"), "teaser after 'Continue Reading'");
    assertEquals(DocumentIds.hash(clean.text()), clean.contentHash());
    assertEquals(ArticleCleaner.EXTRACTION_VERSION, clean.extractionVersion());
  }

  @Test
  void feedMetadataFillsWhatThePageDoesNotSay() {
    String html =
        "<html><body><article><p>"
            + "Minsk and Moscow agreed on a new road map. ".repeat(20)
            + "</p></article></body></html>";
    RawDocument raw =
        new RawDocument(
            1,
            DocumentIds.forUrl("https://example.org/a"),
            "https://example.org/a",
            "feed",
            Instant.EPOCH,
            "text/html",
            "UTF-8",
            html,
            null,
            null,
            "Road map agreed",
            "2021-09-10",
            "Jane Analyst");
    CleanArticle clean = cleaner.clean(raw);
    assertEquals("Road map agreed", clean.title());
    assertEquals("2021-09-10", clean.published());
    assertEquals(List.of("Jane Analyst"), clean.authors());
  }

  @Test
  void reportWithoutATitleIsTitledByItsLeadSentence() {
    String text =
        "With the intensification of the confrontations between Azerbaijan and Armenia in late September,"
            + " Russia initially refrained from quick statements. Moscow then moved.\n\n"
            + "Later paragraphs say more about Lavrov's contacts with both sides of the conflict. "
                .repeat(5);
    CleanArticle clean =
        cleaner.clean(RawDocument.of("file:untitled.txt", "seeds", "text/plain", "UTF-8", text));
    assertTrue(
        clean.title().startsWith("With the intensification of the confrontations"), clean.title());
    assertTrue(clean.title().length() <= LeadTitle.MAX_CHARS + 1, clean.title());
    assertTrue(clean.title().endsWith("…") && !clean.title().endsWith(" …"), clean.title());
  }

  @Test
  void leadTitleIsTheFirstSentenceAndSkipsBulletsAndInitials() {
    assertEquals(
        "Senior officials from the U.S. met in Minsk",
        LeadTitle.of("• Senior officials from the U.S. met in Minsk. They talked.\nMore."));
    assertEquals("Short one", LeadTitle.of("\n\n  Short one\nSecond line."));
    assertEquals(null, LeadTitle.of(" \n 2020 \n"));
  }

  /**
   * Issue 11: a page that outlasts newswire.cleaner.max-extraction-time is given up with a reason.
   */
  @Test
  void pageOverTheTimeBudgetIsRejectedNamingTheSetting() {
    ArticleCleaner hurried = new ArticleCleaner(new Extractor(null, Duration.ofNanos(1)));
    String html =
        "<html><body>"
            + "<div><p>Minsk and Moscow agreed, again, on a road map.</p>".repeat(5_000)
            + "</body></html>";
    RawDocument raw = RawDocument.of("https://example.org/slow", "x", "text/html", "UTF-8", html);
    var e = assertThrows(ExtractionException.class, () -> hurried.clean(raw));
    assertTrue(
        e.getMessage().contains("time budget of 0 ms")
            && e.getMessage().contains(ArticleCleaner.MAX_EXTRACTION_TIME),
        e.getMessage());
    // the same page within the default budget
    assertTrue(
        new ArticleCleaner(new Extractor(null, Duration.ofSeconds(30)))
            .clean(raw)
            .text()
            .contains("Minsk"));
  }

  @Test
  void emptyDocumentIsRejectedWithAReason() {
    RawDocument raw =
        RawDocument.of("https://example.org/empty", "x", "text/html", "UTF-8", "  \n ");
    var e = assertThrows(ExtractionException.class, () -> cleaner.clean(raw));
    assertEquals("input is whitespace only", e.getMessage());
  }
}
