package io.newswire.alerter.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RuleQueryParserTest {
  private final RuleQueryParser parser = new RuleQueryParser(RuleQueryParser.analyzer());

  private String parsed(String rule) {
    return parser.parse(rule).toString();
  }

  /** As a rule marked {@code exact} parses: names only as written. */
  private String exact(String rule) {
    return parser.parse(rule, false).toString();
  }

  /** A term that every field's analysis leaves as it is, over every field a rule looks at. */
  private static String everywhere(String term) {
    return String.join(
        " ", java.util.Arrays.stream(RuleQueryParser.FIELDS).map(f -> f + ":" + term).toList());
  }

  /** Issue 13: a word also matches its other forms in the stemmed field of each language. */
  @Test
  void aWordIsStemmedInEachLanguagesField() {
    String parsed = parsed("sanctions");
    assertTrue(parsed.contains("text:sanctions"), parsed);
    assertTrue(parsed.contains("stem_en:sanction"), parsed);
    assertTrue(parsed("санкций").contains("stem_ru:санкц"), parsed("санкций"));
    assertTrue(parsed("Sanktionen").contains("stem_de:sanktion"), parsed("Sanktionen"));
  }

  @Test
  void everyWordIsRequiredUnlessTheRuleSaysOr() {
    assertEquals(
        "+(" + everywhere("lavrov") + ") +(" + everywhere("minsk") + ")", exact("Lavrov Minsk"));
    assertEquals(
        "(" + everywhere("lavrov") + ") (" + everywhere("minsk") + ")", exact("Lavrov OR Minsk"));
  }

  /**
   * Issue 13: a name also matches the key of its spellings; quoted, or in an exact rule, only as
   * written.
   */
  @Test
  void aNameAlsoMatchesItsOtherSpellingsUnlessQuotedOrExact() {
    String both = parsed("Lukashenko \"Minsk\"");
    assertTrue(both.contains(") names:lukashenko) +("), both);
    assertTrue(both.endsWith("+(" + everywhere("minsk") + ")"), "quoted: as written only: " + both);
    assertTrue(parsed("Лукашэнка").contains(") names:lukashenko ("), parsed("Лукашэнка"));
    assertFalse(parsed("sanctions").contains("names:"), "a lower-case word is not a name");
    assertFalse(exact("Lukashenko").contains("names:"), exact("Lukashenko"));
  }

  @Test
  void hyphenatedTermRequiresAllItsTokensInOneFieldAsElasticsearchDoes() {
    assertEquals(
        "(+title:nagorno +title:karabakh) (+text:nagorno +text:karabakh)"
            + " (+stem_en:nagorno +stem_en:karabakh) (+stem_ru:nagorno +stem_ru:karabakh)"
            + " (+stem_de:nagorno +stem_de:karabakh) (+stem_fr:nagorno +stem_fr:karabakh)"
            + " (+stem_es:nagorn +stem_es:karabakh)",
        parsed("Nagorno-Karabakh"));
  }

  @Test
  void fieldRestrictionPhrasesExclusionsAndProximity() {
    assertEquals("title:nato", parsed("title:NATO"), "a field keeps the term as written");
    assertEquals(
        "title:\"foreign ministry\" text:\"foreign ministry\" stem_en:\"foreign ministri\""
            + " stem_ru:\"foreign ministry\" stem_de:\"foreign ministry\" stem_fr:\"foreign ministry\""
            + " stem_es:\"foreign ministry\"",
        parsed("\"Foreign Ministry\""));
    assertEquals(
        "+(title:russia text:russia stem_en:russia stem_ru:russia stem_de:russia stem_fr:rusia"
            + " stem_es:russi) -(title:belarus text:belarus stem_en:belaru stem_ru:belarus stem_de:belarus"
            + " stem_fr:belaru stem_es:belarus)",
        exact("Russia -Belarus"));
    assertTrue(
        parsed("\"Lavrov Armenia\"~5")
            .startsWith(
                "title:\"lavrov armenia\"~5 text:\"lavrov armenia\"~5 stem_en:\"lavrov armenia\"~5"));
  }

  @Test
  void aClauseWithNoSearchableWordsIsAnErrorNotSilentlyDropped() {
    var e = assertThrows(InvalidRuleException.class, () -> parser.parse("Russia AND \"--\""));
    assertTrue(e.getMessage().contains("has no searchable words"), e.getMessage());
  }

  @Test
  void aRegexWithCapitalsIsAnErrorBecauseTheIndexHoldsLowerCasedWords() {
    var e = assertThrows(InvalidRuleException.class, () -> parser.parse("/Mosc.w/"));
    assertTrue(e.getMessage().contains("write /mosc.w/"), e.getMessage());
    assertEquals(everywhere("/mosc.w/"), parsed("/mosc.w/"), "only lower-cased, never stemmed");
  }

  @Test
  void syntaxErrorsSayWhatIsWrong() {
    var e = assertThrows(InvalidRuleException.class, () -> parser.parse("title:(unclosed"));
    assertTrue(e.getMessage().startsWith("Cannot parse query 'title:(unclosed'"), e.getMessage());
    assertThrows(InvalidRuleException.class, () -> parser.parse("  "));
    assertThrows(InvalidRuleException.class, () -> parser.parse("*ski"));
  }

  /**
   * Issue 12: 5,000 levels overflowed the parser's stack, at creation and in the alerter reading
   * newswire.rules.
   */
  @Test
  void aRuleNestedDeeperThanTheLimitIsRefusedNotAStackOverflow() {
    String deep = "(w OR ".repeat(5_000) + "nato" + ")".repeat(5_000);
    var e = assertThrows(InvalidRuleException.class, () -> parser.parse(deep));
    assertEquals(
        "The rule's query nests 5000 levels of parentheses; at most 64 are allowed",
        e.getMessage());

    String atTheLimit =
        "(w OR ".repeat(RuleQueryParser.MAX_NESTING)
            + "nato"
            + ")".repeat(RuleQueryParser.MAX_NESTING);
    parser.parse(atTheLimit);
    parser.parse("\"" + "(".repeat(100) + " Lavrov\" Minsk"); // parentheses in a phrase do not nest
  }
}
