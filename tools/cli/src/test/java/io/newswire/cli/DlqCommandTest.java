package io.newswire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DlqCommandTest {

  @Test
  void aReasonCountsByWhatWentWrongNotByWhichInput() {
    assertEquals(
        "binary file (contains NUL bytes), not text or HTML",
        DlqCommand.gist("file:broken.html: binary file (contains NUL bytes), not text or HTML"));
    assertEquals("HTTP 404", DlqCommand.gist("https://example.org/a: HTTP 404: Not Found"));
    assertEquals(
        "invalid JSON for RawDocument",
        DlqCommand.gist("invalid JSON for RawDocument: Unexpected character ('o' (code 111))"));
    assertEquals(
        "Elasticsearch rejected the article",
        DlqCommand.gist(
            "Elasticsearch rejected the article: mapper_parsing_exception: failed to parse"));
    assertEquals("no text left after cleaning", DlqCommand.gist("no text left after cleaning"));
  }
}
