package io.newswire.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextCheckTest {

  @Test
  void textPasses() {
    assertNull(
        TextCheck.problem("Minsk, 4 Dec.\n\nThe talks resumed.\tTabs and\fbreaks are text."));
  }

  @Test
  void emptyAndWhitespaceAreNamed() {
    assertEquals("empty input", TextCheck.problem(""));
    assertEquals("empty input", TextCheck.problem(null));
    assertEquals("input is whitespace only", TextCheck.problem(" \n\u00a0\ufeff\t"));
  }

  @Test
  void aNulByteIsBinary() {
    assertEquals("binary input: NUL byte at offset 3", TextCheck.problem("PK\u0003\u0000rest"));
  }

  @Test
  void manyControlCharactersOrReplacementCharactersAreBinary() {
    String controls = "a\u0001".repeat(100);
    assertTrue(TextCheck.problem(controls).startsWith("binary input: 100 control"));
    String replaced = "ab\ufffd".repeat(100);
    assertTrue(TextCheck.problem(replaced).startsWith("binary input: 100 undecodable"));
    assertNull(TextCheck.problem("x".repeat(1000) + "\u0001"), "a stray control character is text");
  }
}
