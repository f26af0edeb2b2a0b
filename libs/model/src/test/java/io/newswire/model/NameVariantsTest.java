package io.newswire.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameVariantsTest {

  private static String expanded(String query) {
    return NameVariants.expand(query).query();
  }

  @Test
  void aBareNameIsWidenedToItsKey() {
    assertEquals("(Lukashenko OR names:lukashenko)", expanded("Lukashenko"));
    assertEquals(
        "(Lukashenka OR names:lukashenko OR lukashenko) AND (Minsk OR names:minsk)",
        expanded("Lukashenka AND Minsk"));
    assertEquals(
        "-(Yanukovych OR names:yanukovich OR yanukovich) +(Kyiv OR names:kyiv)",
        expanded("-Yanukovych +Kyiv"));
    assertEquals(
        List.of(new NameVariants.Expansion("Lukashenko", List.of("lukashenko"))),
        NameVariants.expand("Lukashenko sanctions").expansions());
  }

  @Test
  void whatIsNotABareNameStaysAsWritten() {
    for (String query :
        List.of(
            "\"Lukashenko\"",
            "\"Alexander Lukashenko\"",
            "title:Lukashenko",
            "title:(Lukashenko Minsk)",
            "Lukashenko~1",
            "Lukashenko^2",
            "Lukash*",
            "Nagorno-Karabakh",
            "sanctions",
            "published:[2020 TO 2021]",
            "/luka.*/",
            "Foo\\-Barovich",
            "G7 AND OR NOT")) {
      assertEquals(query, expanded(query), query);
      assertFalse(NameVariants.expand(query).widened(), query);
    }
  }

  @Test
  void anUnclosedQuoteRunsToTheEndAsWritten() {
    assertEquals("\"Lukashenko Minsk", expanded("\"Lukashenko Minsk"));
    assertEquals("(Minsk OR names:minsk) [Lukashenko", expanded("Minsk [Lukashenko"));
  }
}
