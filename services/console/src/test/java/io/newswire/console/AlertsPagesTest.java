package io.newswire.console;

import static io.newswire.console.RulesPagesTest.assertContains;
import static io.newswire.console.RulesPagesTest.signedIn;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.console.signin.KeyCookie;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Issue 14, step 2: the alerts page and its live feed against {@link StandInAlerter}. */
@QuarkusTest
@QuarkusTestResource(value = StandInIndexer.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = StandInAlerter.class, restrictToAnnotatedClass = true)
class AlertsPagesTest {
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  @TestHTTPResource("/alerts/stream")
  URL stream;

  @Test
  void alertsAreNewestFirstEscapedWithTheirCopiesUnderThem() {
    String page = signedIn().get("/alerts").then().statusCode(200).extract().asString();

    int nato = page.indexOf("id=\"alert-a-nato\"");
    int lavrov = page.indexOf("id=\"alert-a-lavrov\"");
    assertTrue(nato > 0 && lavrov > nato, "newest first:\n" + page);
    assertContains(page, "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Lavrov meets Makei");
    assertContains(page, "<a href=\"/articles/000\">&lt;script&gt;");
    assertContains(page, "<a class=\"original\" href=\"file:/000-lavrov-minsk.html\">original</a>");
    assertContains(page, "matched: nato, summit");
    // escaped once by the alerter, shown as the article's text: neither twice-escaped nor let
    // through
    assertContains(
        page,
        "…if a &lt; b then &lt;script&gt;x&lt;/script&gt; &lt;em&gt;fake&lt;/em&gt; <em>Lavrov</em> said &amp; left…");
    assertTrue(
        !page.contains("&amp;lt;")
            && !page.contains("<script>x")
            && !page.contains("href=\"javascript:"),
        page);
    int copy = page.indexOf("also in <a href=\"https://mirror.example/000\">mirror</a>");
    assertTrue(copy > lavrov, "the copy is under its alert:\n" + page);
    assertTrue(!page.contains("id=\"alert-a-lavrov-mirror\""), "a copy is not an alert of its own");
    assertContains(page, "data-after=\"");
    assertContains(page, "<script src=\"/alerts.js\" defer></script>");
    given().get("/alerts.js").then().statusCode(200);
  }

  @Test
  void theStreamSendsAnAlertThatArrivesAfterItOpened() throws Exception {
    long after = StandInAlerter.lastSequence();
    int polls = StandInAlerter.ALERT_POLLS.get();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(stream + "?after=" + after))
            .header("Cookie", KeyCookie.NAME + "=" + StandInIndexer.KEY)
            .header("Accept", "text/event-stream")
            .build();
    CompletableFuture<HttpResponse<InputStream>> opened =
        HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
    waitFor(() -> StandInAlerter.ALERT_POLLS.get() > polls, "the stream polls the alerter");

    long sequence =
        StandInAlerter.publish(
            """
        {"schemaVersion": 1, "alertId": "a-live", "ruleId": "r-lavrov", "ruleName": "Lavrov", "articleId": "009",
         "title": "Lavrov <live>", "url": "https://example.org/009", "matchedTerms": ["lavrov"],
         "snippet": "<em>Lavrov</em> &amp; co", "matchedAt": "2024-03-14T11:00:00Z", "source": "feed",
         "storyId": "s-009", "copyOf": null}""");

    HttpResponse<InputStream> response = opened.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertTrue(response.statusCode() == 200, "status " + response.statusCode());
    try (InputStream body = response.body();
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      CompletableFuture<String> event = CompletableFuture.supplyAsync(() -> readEvent(lines));
      String received = event.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      assertContains(received, "id:" + sequence);
      assertContains(received, "event:alert");
      assertContains(received, "id=\"alert-a-live\"");
      assertContains(received, "Lavrov &lt;live&gt;");
      assertContains(received, "<em>Lavrov</em> &amp; co");
    }
  }

  /**
   * The lines of the first event up to its blank line, with {@code field:value} spacing removed.
   */
  private static String readEvent(BufferedReader lines) {
    StringBuilder event = new StringBuilder();
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isEmpty() && event.indexOf("data:") >= 0) {
          return event.toString();
        }
        event.append(line.replaceFirst("^(\\w+): ?", "$1:")).append('\n');
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return event.toString();
  }

  private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
      Thread.sleep(20);
    }
  }

  private static io.restassured.specification.RequestSpecification given() {
    return io.restassured.RestAssured.given();
  }
}
