package io.newswire.extract.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.extract.Extraction;
import io.newswire.extract.Extractor;
import io.newswire.extract.Fixtures;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue 3: charset cases — a windows-1251 page, header and {@code <meta>} that disagree, a BOM. */
class CharsetTest {

  private static final Extractor EXTRACTOR = new Extractor();
  private static final String RUSSIAN = "Министерство иностранных дел России заявило во вторник";

  @Test
  void windows1251DeclaredOnlyInMeta() {
    Extraction e =
        EXTRACTOR.extractBytes(Fixtures.bytes("charset/cp1251-meta.html"), "text/html", null);
    assertTrue(e.text().startsWith(RUSSIAN), e.text());
    assertEquals("Москва предлагает посредничество", e.title());
    assertEquals("ru", e.language());
    assertTrue(e.warnings().isEmpty(), e.warnings().toString());
  }

  @Test
  void windows1251DeclaredInHeader() {
    Extraction e =
        EXTRACTOR.extractBytes(
            Fixtures.bytes("charset/cp1251-meta.html"), "text/html; charset=windows-1251", null);
    assertTrue(e.text().startsWith(RUSSIAN));
  }

  @Test
  void headerWinsOverAMetaTheBytesDoNotFit() {
    Extraction e =
        EXTRACTOR.extractBytes(
            Fixtures.bytes("charset/cp1251-meta-says-utf8.html"),
            "text/html; charset=windows-1251",
            null);
    assertTrue(e.text().startsWith(RUSSIAN));
    assertTrue(
        e.warnings().stream().anyMatch(w -> w.startsWith("charset: header says windows-1251")),
        e.warnings().toString());
  }

  @Test
  void metaUsedWhenTheHeaderCharsetDoesNotFit() {
    Extraction e =
        EXTRACTOR.extractBytes(
            Fixtures.bytes("charset/cp1251-meta.html"), "text/html; charset=utf-8", null);
    assertTrue(e.text().startsWith(RUSSIAN));
    assertTrue(
        e.warnings().stream().anyMatch(w -> w.contains("not valid UTF-8")),
        e.warnings().toString());
  }

  @Test
  void validUtf8IsNotMangledByAWrongLatin1Header() {
    Extraction e =
        EXTRACTOR.extractBytes(
            Fixtures.bytes("charset/utf8-header-says-latin1.html"),
            "text/html; charset=ISO-8859-1",
            null);
    assertTrue(e.text().startsWith(RUSSIAN));
    assertTrue(
        e.warnings().stream().anyMatch(w -> w.contains("valid UTF-8")), e.warnings().toString());
  }

  @Test
  void undeclaredNonUtf8FallsBackToWindows1252WithAWarning() {
    String french =
        "<html><body><p>Le gouvernement français a présenté mercredi un projet de réforme très "
            + "attendu, après des mois de négociations difficiles avec les syndicats et le patronat.</p></body></html>";
    Extraction e =
        EXTRACTOR.extractBytes(french.getBytes(Charset.forName("windows-1252")), "text/html", null);
    assertTrue(e.text().contains("français a présenté"));
    assertTrue(e.warnings().stream().anyMatch(w -> w.contains("windows-1252")));
  }

  @Test
  void byteOrderMarkWins() {
    String page =
        "<html><body><p>Das Auswärtige Amt hat am Dienstag mitgeteilt, dass die Gespräche über die "
            + "Waffenruhe in der nächsten Woche fortgesetzt werden sollen.</p></body></html>";
    byte[] utf8 = page.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[utf8.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, withBom, 3, utf8.length);
    Extraction e = EXTRACTOR.extractBytes(withBom, "text/html; charset=windows-1252", null);
    assertTrue(e.text().contains("Auswärtige"));
    assertEquals("de", e.language());
  }
}
