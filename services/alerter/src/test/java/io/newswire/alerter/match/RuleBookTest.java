package io.newswire.alerter.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.model.CleanArticle;
import io.newswire.model.Rule;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RuleBookTest {
  private static final CleanArticle ARTICLE =
      new CleanArticle(
          1,
          "a1",
          "https://example.org/a",
          "test",
          "Moscow and Minsk after 2020",
          "2021-09",
          List.of(),
          "en",
          null,
          "Sergei Lavrov met his counterpart in Minsk.\n\nThe Nagorno-Karabakh ceasefire was discussed at length.",
          "h",
          "x",
          Instant.EPOCH,
          Instant.EPOCH);

  private static Rule rule(String id, String query) {
    return new Rule(1, id, id, query, null, null, Instant.EPOCH, false);
  }

  private static Set<String> matches(RuleBook book) {
    return book.match(ARTICLE).stream().map(m -> m.rule().id()).collect(Collectors.toSet());
  }

  @Test
  void matchesWhatTheSameSearchWouldFind() throws Exception {
    try (RuleBook book = new RuleBook()) {
      book.put(rule("word", "Lavrov"));
      book.put(rule("both", "Lavrov AND Minsk"));
      book.put(rule("missing", "Lavrov AND Washington"));
      book.put(rule("phrase", "\"Nagorno-Karabakh ceasefire\""));
      book.put(rule("wrong-order", "\"ceasefire Karabakh\""));
      book.put(rule("hyphen-partial", "Nagorno-Baku"));
      book.put(rule("excluded", "Lavrov -Minsk"));
      book.put(rule("title-only", "title:Minsk"));
      book.put(rule("title-miss", "title:Lavrov"));
      book.put(rule("near", "\"Lavrov Minsk\"~5"));
      assertEquals(Set.of("word", "both", "phrase", "title-only", "near"), matches(book));
    }
  }

  @Test
  void loadsManyRulesAtOnceAndReportsTheInvalidOnes() throws Exception {
    try (RuleBook book = new RuleBook()) {
      var invalid =
          book.putAll(
              List.of(
                  rule("word", "Lavrov"),
                  rule("bad", "title:(unclosed"),
                  rule("phrase", "\"Nagorno-Karabakh ceasefire\"")));
      assertEquals(
          Set.of("bad"), invalid.keySet().stream().map(Rule::id).collect(Collectors.toSet()));
      assertEquals(Set.of("word", "phrase"), matches(book));
      assertEquals(2, book.size());
    }
  }

  @Test
  void removedRulesStopMatching() throws Exception {
    try (RuleBook book = new RuleBook()) {
      book.put(rule("word", "Lavrov"));
      book.remove("word");
      assertEquals(Set.of(), matches(book));
      assertEquals(0, book.size());
    }
  }

  @Test
  void alertsAreOncePerRuleAndArticleWithAHighlightedSnippet() throws Exception {
    try (RuleBook book = new RuleBook()) {
      book.put(rule("word", "Lavrov OR Minsk"));
      AlertLedger ledger = new AlertLedger(10, 1000);
      AlertMatcher matcher = new AlertMatcher(book, ledger);
      var alerts = matcher.alerts(ARTICLE, List.of());
      assertEquals(1, alerts.size());
      assertEquals(List.of("lavrov", "minsk"), alerts.get(0).matchedTerms());
      assertTrue(alerts.get(0).snippet().contains("<em>Lavrov</em>"), alerts.get(0).snippet());
      ledger.markPublished(List.of(alerts.get(0).alertId()));
      assertEquals(
          List.of(), matcher.alerts(ARTICLE, List.of()), "a replayed article does not alert twice");
    }
  }
}
