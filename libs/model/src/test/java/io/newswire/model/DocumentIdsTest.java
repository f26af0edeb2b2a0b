package io.newswire.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DocumentIdsTest {
  @Test
  void canonicalFormDropsWhatDoesNotNameTheReport() {
    assertEquals(
        "https://example.org/a/b?page=2&q=x",
        DocumentIds.canonicalUrl(
            "HTTPS://Example.ORG:443/a/b?utm_source=feed&q=x&page=2&fbclid=abc#comments"));
    assertEquals("http://example.org/", DocumentIds.canonicalUrl("http://example.org:80"));
    assertEquals(
        "http://example.org:8080/x", DocumentIds.canonicalUrl("http://example.org:8080/x"));
  }

  @Test
  void sameReportHasOneId() {
    String id = DocumentIds.forUrl("https://example.org/report?id=7&utm_medium=email");
    assertEquals(id, DocumentIds.forUrl("https://EXAMPLE.org/report?id=7#top"));
    assertNotEquals(id, DocumentIds.forUrl("https://example.org/report?id=8"));
  }

  @Test
  void idIsUrlSafeBase64OfSha256WithoutPadding() {
    String id = DocumentIds.forUrl("https://example.org/");
    assertEquals(43, id.length());
    assertTrue(id.matches("[A-Za-z0-9_-]+"), id);
  }

  @Test
  void fileUrisRelativeToTheWatchedRootKeepTheirPath() {
    assertEquals("file:reports/a.txt", DocumentIds.canonicalUrl("file:reports/a.txt#x"));
  }

  @Test
  void invalidUrlNamesTheValue() {
    var e = assertThrows(IllegalArgumentException.class, () -> DocumentIds.forUrl("http://a b"));
    assertTrue(e.getMessage().contains("http://a b"), e.getMessage());
  }
}
