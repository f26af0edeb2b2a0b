package io.newswire.alerter.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RuleQueryParserTest {
  private final RuleQueryParser parser = new RuleQueryParser(RuleQueryParser.analyzer());

  private String parsed(String rule) {
    return parser.parse(rule).toString();
  }

  @Test
  void everyWordIsRequiredUnlessTheRuleSaysOr() {
    assertEquals("+(title:lavrov text:lavrov) +(title:minsk text:minsk)", parsed("Lavrov Minsk"));
    assertEquals("(title:lavrov text:lavrov) (title:minsk text:minsk)", parsed("Lavrov OR Minsk"));
  }

  @Test
  void hyphenatedTermRequiresAllItsTokensInOneFieldAsElasticsearchDoes() {
    assertEquals("(+title:nagorno +title:karabakh) (+text:nagorno +text:karabakh)", parsed("Nagorno-Karabakh"));
  }

  @Test
  void fieldRestrictionPhrasesExclusionsAndProximity() {
    assertEquals("title:nato", parsed("title:NATO"));
    assertEquals("title:\"foreign ministry\" text:\"foreign ministry\"", parsed("\"Foreign Ministry\""));
    assertEquals("+(title:russia text:russia) -(title:belarus text:belarus)", parsed("Russia -Belarus"));
    assertEquals("title:\"lavrov armenia\"~5 text:\"lavrov armenia\"~5", parsed("\"Lavrov Armenia\"~5"));
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
    assertEquals("title:/mosc.w/ text:/mosc.w/", parsed("/mosc.w/"));
  }

  @Test
  void syntaxErrorsSayWhatIsWrong() {
    var e = assertThrows(InvalidRuleException.class, () -> parser.parse("title:(unclosed"));
    assertTrue(e.getMessage().startsWith("Cannot parse query 'title:(unclosed'"), e.getMessage());
    assertThrows(InvalidRuleException.class, () -> parser.parse("  "));
    assertThrows(InvalidRuleException.class, () -> parser.parse("*ski"));
  }

  /** Issue 12: 5,000 levels overflowed the parser's stack, at creation and in the alerter reading newswire.rules. */
  @Test
  void aRuleNestedDeeperThanTheLimitIsRefusedNotAStackOverflow() {
    String deep = "(w OR ".repeat(5_000) + "nato" + ")".repeat(5_000);
    var e = assertThrows(InvalidRuleException.class, () -> parser.parse(deep));
    assertEquals("The rule's query nests 5000 levels of parentheses; at most 64 are allowed", e.getMessage());

    String atTheLimit = "(w OR ".repeat(RuleQueryParser.MAX_NESTING) + "nato" + ")".repeat(RuleQueryParser.MAX_NESTING);
    parser.parse(atTheLimit);
    parser.parse("\"" + "(".repeat(100) + " Lavrov\" Minsk"); // parentheses in a phrase do not nest
  }
}
