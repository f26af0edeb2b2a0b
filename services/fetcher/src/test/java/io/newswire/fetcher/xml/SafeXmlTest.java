package io.newswire.fetcher.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.fetcher.http.FetchException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The fetcher's one XML parser refuses what could read a file or expand without bound. */
class SafeXmlTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aPlainDocumentParsesWithItsNamespaces() throws Exception {
    Document d =
        SafeXml.parse(
            utf8(
                "<?xml version=\"1.0\"?><urlset"
                    + " xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"
                    + "https://example.com/a</loc></url></urlset>"),
            "https://example.com/sitemap.xml");
    assertEquals("urlset", d.getDocumentElement().getLocalName());
    assertEquals(
        "http://www.sitemaps.org/schemas/sitemap/0.9", d.getDocumentElement().getNamespaceURI());
  }

  @Test
  void anExternalEntityIsRefusedWithTheOrigin() {
    FetchException e =
        assertThrows(
            FetchException.class,
            () ->
                SafeXml.parse(
                    utf8(
                        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM"
                            + " \"file:///etc/passwd\">]><r>&x;</r>"),
                    "https://example.com/feed.xml"));
    assertEquals(FetchException.Reason.PARSE, e.reason());
    assertTrue(e.getMessage().contains("https://example.com/feed.xml"), e.getMessage());
  }

  @Test
  void entityExpansionIsRefused() {
    String laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
            + "<lolz>&lol3;</lolz>";
    assertThrows(FetchException.class, () -> SafeXml.parse(utf8(laughs), "test"));
  }

  @Test
  void anExternalDtdIsNotFetched() {
    assertThrows(
        FetchException.class,
        () ->
            SafeXml.parse(
                utf8(
                    "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"http://127.0.0.1:1/evil.dtd\">"
                        + "<r/>"),
                "test"));
  }
}
