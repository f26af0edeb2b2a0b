package io.newswire.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyDecoderTest {
  private static final Charset CP1251 = Charset.forName("windows-1251");
  private static final String RUSSIAN = "Министерство иностранных дел";

  @Test
  void aByteOrderMarkWinsOverEveryLabel() {
    byte[] text = "Minsk — Минск".getBytes(StandardCharsets.UTF_16LE);
    byte[] body = new byte[text.length + 2];
    body[0] = (byte) 0xFF;
    body[1] = (byte) 0xFE;
    System.arraycopy(text, 0, body, 2, text.length);
    Decoded d = BodyDecoder.decode(body, "text/html; charset=windows-1252");
    assertEquals("Minsk — Минск", d.text());
    assertEquals("UTF-16LE", d.charset());
  }

  @Test
  void theHeaderCharsetDecodesWhenTheBytesFitIt() {
    Decoded d = BodyDecoder.decode(("<p>" + RUSSIAN).getBytes(CP1251), "charset=windows-1251");
    assertEquals("<p>" + RUSSIAN, d.text());
    assertEquals("windows-1251", d.charset());
    assertTrue(d.warnings().isEmpty(), d.warnings().toString());
  }

  @Test
  void anXmlDeclarationNamesTheEncodingOfAFeed() {
    byte[] feed =
        ("<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><title>" + RUSSIAN + "</title>")
            .getBytes(CP1251);
    Decoded d = BodyDecoder.decode(feed, null);
    assertTrue(d.text().contains(RUSSIAN), d.text());
    assertEquals("windows-1251", d.charset());
  }

  @Test
  void aMetaDeclarationNamesTheCharsetOfAPage() {
    byte[] page =
        ("<html><head><meta charset=\"windows-1251\"></head><p>" + RUSSIAN).getBytes(CP1251);
    assertTrue(BodyDecoder.decode(page, "text/html").text().endsWith(RUSSIAN));
  }

  @Test
  void validMultiByteUtf8WinsOverASingleByteLabelWithAWarning() {
    Decoded d = BodyDecoder.decode(RUSSIAN.getBytes(StandardCharsets.UTF_8), "charset=iso-8859-1");
    assertEquals(RUSSIAN, d.text());
    assertEquals("UTF-8", d.charset());
    assertTrue(d.warnings().get(0).contains("valid UTF-8"), d.warnings().toString());
  }

  @Test
  void undeclaredBytesThatAreNotUtf8AreWindows1252() {
    byte[] body = "café déjà".getBytes(Charset.forName("windows-1252"));
    Decoded d = BodyDecoder.decode(body, "charset=utf-8");
    assertEquals("café déjà", d.text());
    assertEquals("windows-1252", d.charset());
    assertEquals(2, d.warnings().size(), d.warnings().toString());
  }

  @Test
  void latin1LabelsMeanWindows1252() {
    byte[] body = "€ 5".getBytes(Charset.forName("windows-1252"));
    assertEquals("€ 5", BodyDecoder.decode(body, "text/plain; charset=ISO-8859-1").text());
  }

  @Test
  void theCharsetParameterIsReadFromAContentType() {
    assertEquals("UTF-8", BodyDecoder.charsetParameter("text/html; charset=\"UTF-8\""));
    assertNull(BodyDecoder.charsetParameter("text/html"));
    assertNull(BodyDecoder.charsetParameter(null));
  }
}
