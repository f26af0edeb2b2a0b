package io.newswire.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 3: bad input gets a clear error or a flagged result, never a crash — empty, whitespace-only
 * and binary input, malformed HTML, 10,000-deep nesting, pages over the size cap. No timings are
 * asserted.
 */
class RobustnessTest {

  private static final Extractor EXTRACTOR = new Extractor();
  private static final String PARAGRAPH =
      "<p>The committee met on Tuesday to review the budget proposal, and "
          + "after a long debate its members agreed to send the draft back to the ministry for changes.</p>";

  @Test
  void emptyInputIsRejected() {
    ExtractionException e =
        assertThrows(ExtractionException.class, () -> EXTRACTOR.extract("", "text/html", null));
    assertEquals("empty input", e.getMessage());
    assertThrows(ExtractionException.class, () -> EXTRACTOR.extractBytes(new byte[0], null, null));
  }

  @Test
  void whitespaceOnlyInputIsRejected() {
    for (String type : new String[] {"text/html", "text/plain", null}) {
      ExtractionException e =
          assertThrows(
              ExtractionException.class, () -> EXTRACTOR.extract(" \n\t\u00a0 \r\n", type, null));
      assertEquals("input is whitespace only", e.getMessage());
    }
  }

  @Test
  void binaryLabelledAsHtmlIsRejected() {
    byte[] png = {
      (byte) 0x89,
      'P',
      'N',
      'G',
      '\r',
      '\n',
      0x1a,
      '\n',
      0,
      0,
      0,
      0x0d,
      'I',
      'H',
      'D',
      'R',
      0,
      0,
      1,
      0
    };
    ExtractionException e =
        assertThrows(
            ExtractionException.class, () -> EXTRACTOR.extractBytes(png, "text/html", null));
    assertTrue(e.getMessage().startsWith("binary input"), e.getMessage());
  }

  @Test
  void controlCharacterNoiseIsRejected() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      sb.append((char) (1 + i % 8)).append("ab");
    }
    ExtractionException e =
        assertThrows(
            ExtractionException.class, () -> EXTRACTOR.extract(sb.toString(), "text/plain", null));
    assertTrue(e.getMessage().startsWith("binary input"), e.getMessage());
  }

  @Test
  void pageWithoutTextIsRejected() {
    ExtractionException e =
        assertThrows(
            ExtractionException.class,
            () ->
                EXTRACTOR.extract(
                    "<html><body><nav><a href=/>Home</a></nav><script>var x = 1;</script></body></html>",
                    "text/html",
                    null));
    assertEquals("no text left after cleaning", e.getMessage());
  }

  @Test
  void malformedHtmlStillYieldsItsText() {
    String broken =
        "<html><head><title>Budget</title><body><div class=content><p>The committee met on Tuesday "
            + "to review the budget proposal, and <b>after a long <i>debate</b> its members agreed</i> to send the "
            + "draft back to the ministry for changes.<p>A second paragraph follows, with an unclosed <a href='x>link "
            + "and a stray </span> end tag, but it is still part of the report and has to be kept.</div></table>";
    Extraction e = EXTRACTOR.extract(broken, "text/html", null);
    assertTrue(e.text().contains("its members agreed to send the draft back"), e.text());
  }

  @Test
  void tenThousandLevelsOfNestingDoNotOverflowTheStack() {
    StringBuilder sb = new StringBuilder("<html><body>");
    sb.append("<div>".repeat(10_000)).append(PARAGRAPH.repeat(3)).append("</div>".repeat(10_000));
    Extraction e = EXTRACTOR.extract(sb.append("</body></html>").toString(), "text/html", null);
    assertTrue(e.text().contains("The committee met on Tuesday"));
  }

  @Test
  void inputOverTheCapIsTruncatedAndFlagged() {
    StringBuilder sb = new StringBuilder("<html><body><article>");
    while (sb.length() < 20_000_000) {
      sb.append(PARAGRAPH);
    }
    Extraction e =
        EXTRACTOR.extract(sb.append("</article></body></html>").toString(), "text/html", null);
    assertEquals(List.of("truncated: input over 5000000 chars"), e.warnings());
    assertTrue(e.text().startsWith("The committee met on Tuesday"));
  }

  @Test
  void contentTypeIsSniffedWhenMissing() {
    Extraction html =
        EXTRACTOR.extract("<html><body><nav>Menu</nav>" + PARAGRAPH + "</body></html>", null, null);
    assertTrue(html.text().startsWith("The committee met"));
    Extraction text =
        EXTRACTOR.extract(
            "A plain report about prices < 5 and <price> tags.\n\nThe committee met on "
                + "Tuesday to review the budget proposal, and agreed to send it back for changes.",
            null,
            null);
    assertTrue(text.text().contains("<price>"));
  }
}
