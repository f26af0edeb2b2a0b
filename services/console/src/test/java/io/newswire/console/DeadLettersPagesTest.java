package io.newswire.console;

import static io.newswire.console.RulesPagesTest.assertContains;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.console.signin.KeyCookie;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 14: the dead-letters page and its replay buttons against {@link StandInCleaner}. */
@QuarkusTest
@QuarkusTestResource(value = StandInCleaner.class, restrictToAnnotatedClass = true)
class DeadLettersPagesTest {
  private static final String REPLAYED = "it.dead-letters.replay.dlq";

  @TestHTTPResource("/")
  URL console;

  @Test
  void eachTopicsLettersAreCountedByStageAndReasonWithTheNewestUnder() {
    String page =
        as(StandInIndexer.KEY).get("/dead-letters").then().statusCode(200).extract().asString();

    assertContains(page, "<h2 id=\"dlq-1\">it.dead-letters.list.dlq: 5 dead letter(s)</h2>");
    int list = page.indexOf("it.dead-letters.list.dlq: 5 dead letter(s)");
    int invalid =
        page.indexOf(
            "<span class=\"count\">2 ×</span> cleaner: invalid JSON for RawDocument", list);
    int binary =
        page.indexOf(
            "<span class=\"count\">1 ×</span> fetcher: binary file (contains NUL bytes), not text"
                + " or HTML",
            list);
    assertTrue(
        list >= 0 && invalid > list && binary > invalid,
        "the list topic's reasons, in the cleaner's order");
    assertContains(page, "<td data-label=\"Size\">262144 bytes, cut from 307200 bytes</td>");
    assertContains(page, "it.dead-letters.list-1@3<br><span class=\"meta\">by the cleaner</span>");
    assertContains(page, "<caption>The newest 5</caption>");
    // the cleaner's reasons are outside text (a parser's message quoting the input): escaped
    assertContains(page, "Unexpected character (&#39;n&#39; (code 110))");
    assertFalse(page.contains("('n'"), "unescaped reason");
    assertContains(
        page, "<input type=\"hidden\" name=\"topic\" value=\"it.dead-letters.list.dlq\">");
    assertContains(page, "newswire.raw.dlq: 0 dead letter(s)");
    assertFalse(
        page.contains("value=\"newswire.raw.dlq\""),
        "no replay button for a topic without letters");
  }

  @Test
  void replayPostsTheTopicWithTheUsersKeyAndTellsWhatWentBack() throws Exception {
    ExtractableResponse<Response> posted =
        as(StandInCleaner.ADMIN_KEY)
            .header("Origin", origin())
            .formParam("topic", REPLAYED)
            .post("/dead-letters/replay")
            .then()
            .statusCode(303)
            .header("Location", "/dead-letters")
            .extract();
    assertEquals(
        Map.of("topic", REPLAYED),
        new ObjectMapper().readValue(StandInCleaner.LAST_REPLAY.get(), Map.class));
    assertEquals("Bearer " + StandInCleaner.ADMIN_KEY, StandInCleaner.LAST_AUTHORIZATION.get());
    Cookie notice = posted.detailedCookie(Notice.NAME);
    assertTrue(notice.isHttpOnly() && notice.getPath().equals("/dead-letters"), notice.toString());

    ExtractableResponse<Response> shown =
        as(StandInCleaner.ADMIN_KEY)
            .cookie(Notice.NAME, notice.getValue())
            .get("/dead-letters")
            .then()
            .statusCode(200)
            .extract();
    assertContains(
        shown.asString(),
        "<p id=\"dead-letters-notice\" class=\"notice\" role=\"status\">Replayed 2 of 5"
            + " dead letter(s) from it.dead-letters.replay.dlq to it.dead-letters.replay. Not replayed: 1 refused before"
            + " they were records on it.dead-letters.replay (fix the source; the fetcher reads it again)"
            + " (file:broken.html); 1 cut to 256 kB when dead-lettered (huge); 1 the same record as another letter"
            + " (dead-lettered by more than one stage), sent back once (poison-1).</p>");
    assertEquals(0, shown.detailedCookie(Notice.NAME).getMaxAge(), "shown once");
    assertFalse(
        as(StandInCleaner.ADMIN_KEY)
            .get("/dead-letters")
            .asString()
            .contains("dead-letters-notice"));
  }

  @Test
  void aReaderIsToldThatReplayingNeedsTheAdminRole() {
    String page =
        as(StandInIndexer.KEY)
            .header("Origin", origin())
            .formParam("topic", REPLAYED)
            .post("/dead-letters/replay")
            .then()
            .statusCode(403)
            .extract()
            .asString();
    assertContains(
        page,
        "<p id=\"dead-letters-error\" class=\"error\" role=\"alert\">Cannot replay"
            + " it.dead-letters.replay.dlq: Forbidden: this call needs the admin role");
    assertContains(page, "it.dead-letters.list.dlq: 5 dead letter(s)");
  }

  @Test
  void aReplayPostedFromAnotherSiteIsRefused() {
    StandInCleaner.LAST_REPLAY.set("");
    as(StandInCleaner.ADMIN_KEY)
        .header("Origin", "http://evil.example")
        .formParam("topic", REPLAYED)
        .post("/dead-letters/replay")
        .then()
        .statusCode(403);
    assertEquals("", StandInCleaner.LAST_REPLAY.get(), "nothing reached the cleaner");
  }

  @Test
  void withoutTheCookieThePageAndTheReplaySendToSignin() {
    given()
        .redirects()
        .follow(false)
        .get("/dead-letters")
        .then()
        .statusCode(303)
        .header("Location", "/signin?next=%2Fdead-letters");
    StandInCleaner.LAST_REPLAY.set("");
    given()
        .redirects()
        .follow(false)
        .formParam("topic", REPLAYED)
        .post("/dead-letters/replay")
        .then()
        .statusCode(303)
        .header("Location", "/signin?next=%2Fdead-letters%2Freplay");
    assertEquals("", StandInCleaner.LAST_REPLAY.get(), "nothing reached the cleaner");
    // where signing in comes back to after that post
    as(StandInIndexer.KEY)
        .get("/dead-letters/replay")
        .then()
        .statusCode(303)
        .header("Location", "/dead-letters");
  }

  private String origin() {
    return console.getProtocol() + "://" + console.getAuthority();
  }

  private static RequestSpecification as(String key) {
    return given().redirects().follow(false).cookie(KeyCookie.NAME, key);
  }
}
