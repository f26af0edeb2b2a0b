package io.newswire.alerter.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.alerter.webhook.WebhookDispatcher;
import io.newswire.model.Alert;
import io.newswire.model.CleanArticle;
import io.newswire.model.DocumentIds;
import io.newswire.model.Json;
import io.newswire.model.Rule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 13: a rule alerts once per story; a later copy adds its source to that alert. */
class AlertMatcherTest {
  private static final String TEXT =
      "NATO ministers met in Brussels on Tuesday to discuss the road map.";

  private RuleBook rules;
  private AlertLedger ledger;
  private AlertMatcher matcher;

  @BeforeEach
  void setUp() {
    rules = new RuleBook();
    // as the alerter reads rules from newswire.rules
    rules.put(
        Json.read(
            "{\"schemaVersion\":1,\"id\":\"nato\",\"name\":\"NATO\",\"query\":\"NATO\"}"
                .getBytes(StandardCharsets.UTF_8),
            Rule.class));
    ledger = new AlertLedger(100, 1000);
    matcher = new AlertMatcher(rules, ledger);
  }

  @AfterEach
  void tearDown() throws Exception {
    rules.close();
  }

  @Test
  void aLaterCopyRaisesNoSecondAlertButAddsItsSource() {
    Alert first = single(article("a", "a", "example.org"));
    assertNull(first.copyOf());
    assertEquals(
        DocumentIds.forAlert("nato", "a"), first.alertId(), "the id alerts had before stories");
    assertTrue(WebhookDispatcher.delivered(first));
    ledger.record(first);

    Alert copy = single(article("b", "a", "wire"));
    assertEquals(first.alertId(), copy.copyOf());
    assertEquals("wire", copy.source());
    assertEquals("a", copy.storyId());
    assertFalse(WebhookDispatcher.delivered(copy), "no webhook for a copy");
    ledger.record(copy);

    assertEquals(
        List.of(), matcher.alerts(article("a", "a", "example.org"), List.of()), "replayed first");
    assertEquals(List.of(), matcher.alerts(article("b", "a", "wire"), List.of()), "replayed copy");
  }

  @Test
  void aCopyInTheSameUncommittedBatchIsACopyToo() {
    List<String> pending = new ArrayList<>();
    Alert first = single(article("a", "a", "example.org"), pending);
    pending.addAll(AlertLedger.keysOf(first));
    assertEquals(first.alertId(), single(article("b", "a", "wire"), pending).copyOf());
  }

  /** The story's first article did not match the rule: the first copy that does alerts, once. */
  @Test
  void theFirstCopyToMatchAlertsForTheStory() {
    Alert alert = single(article("b", "s", "wire"));
    assertNull(alert.copyOf());
    assertEquals(DocumentIds.forAlert("nato", "s"), alert.alertId());
    ledger.record(alert);
    assertEquals(
        List.of(),
        matcher.alerts(article("b", "s", "wire"), List.of()),
        "replayed, not its own copy");
    assertEquals(alert.alertId(), single(article("c", "s", "other")).copyOf());
  }

  private Alert single(CleanArticle article) {
    return single(article, List.of());
  }

  private Alert single(CleanArticle article, List<String> pending) {
    List<Alert> alerts = matcher.alerts(article, pending);
    assertEquals(1, alerts.size(), "records for " + article.id() + ": " + alerts);
    return alerts.get(0);
  }

  private static CleanArticle article(String id, String storyId, String source) {
    return new CleanArticle(
            1,
            id,
            "https://" + source + "/" + id,
            source,
            "Ministers meet",
            null,
            List.of(),
            "en",
            null,
            TEXT,
            DocumentIds.hash(TEXT),
            "x",
            null,
            null)
        .inStory(storyId, id.equals(storyId) ? null : storyId);
  }
}
