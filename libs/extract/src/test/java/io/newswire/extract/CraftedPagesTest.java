package io.newswire.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: pages built to make an extractor slow. What is checked is what makes the time bounded
 * (linear patterns, the deadline) and that such pages still come out right; no timings are
 * asserted.
 */
class CraftedPagesTest {

  private static final String SENTENCE =
      "Minsk and Moscow agreed, after a long night of talks, on a road map. ";

  /**
   * Java's backtracking engine can take quadratic or exponential time on crafted text; RE2/J
   * cannot.
   */
  @Test
  void everyPatternIsALinearTimeOne() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      List<Path> backtracking =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(
                  f -> {
                    try {
                      return Files.readString(f).contains("java.util.regex");
                    } catch (IOException e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .toList();
      assertEquals(List.of(), backtracking, "use com.google.re2j instead of java.util.regex");
    }
  }

  @Test
  void aLongParagraphOpeningWithABracketIsKept() {
    String letters = "abcdefghij".repeat(6_400);
    Extraction e =
        new Extractor()
            .extract("<html><body><p>[" + letters + "</p></body></html>", "text/html", null);
    assertEquals("[" + letters, e.text());
  }

  @Test
  void unrenderedShortcodesAreDroppedAndBracketedTextIsNot() {
    String page =
        "<html><body><article><p>"
            + SENTENCE.repeat(6)
            + "</p>"
            + "<p>[button link=\"https://example.org/review\"]Send us your review[/button]</p>"
            + "<p>[Editor's note] "
            + SENTENCE
            + "[/Editor's note]</p></article></body></html>";
    String text = new Extractor().extract(page, "text/html", null).text();
    assertFalse(text.contains("Send us your review"), text);
    assertTrue(text.contains("[Editor's note]"), text);
  }

  @Test
  void twentyThousandNestedBoxesComeOutWhole() {
    String page =
        "<html><body>"
            + ("<div class=box><p>" + SENTENCE + "</p>").repeat(20_000)
            + "</body></html>";
    String text = new Extractor().extract(page, "text/html", null).text();
    // the same paragraph back to back is one caption shown twice; what matters is that it is there
    assertTrue(text.startsWith(SENTENCE.strip()), text.substring(0, Math.min(200, text.length())));
  }

  @Test
  void aPageOverItsBudgetIsGivenUp() {
    Extractor hurried = new Extractor(null, Duration.ofNanos(1));
    String html =
        "<html><body>" + ("<div><p>" + SENTENCE + "</p>").repeat(2_000) + "</body></html>";
    String text = (SENTENCE + "\n\n").repeat(2_000);
    for (String[] input : new String[][] {{html, "text/html"}, {text, "text/plain"}}) {
      ExtractionTimeoutException e =
          assertThrows(
              ExtractionTimeoutException.class, () -> hurried.extract(input[0], input[1], null));
      assertEquals(Duration.ofNanos(1), e.budget());
      assertTrue(e.getMessage().contains("time budget"), e.getMessage());
    }
    assertTrue(
        new Extractor(null, Duration.ZERO)
            .extract(html, "text/html", null)
            .text()
            .contains("Minsk"));
  }
}
