package io.newswire.console;

import static io.newswire.console.RulesPagesTest.assertContains;
import static io.newswire.console.RulesPagesTest.signedIn;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.console.signin.KeyCookie;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Issue 14: the sources page against {@link StandInFetcher}. */
@QuarkusTest
@QuarkusTestResource(value = StandInFetcher.class, restrictToAnnotatedClass = true)
class SourcesPagesTest {
  private static final String FLAG = "<strong class=\"source-flag\">Failing</strong>";

  @TestHTTPResource("/")
  URL console;

  @Test
  void everySourceIsListedWithItsTypeShardItemsAndLastSuccessAndError() {
    String page = signedIn().get("/sources").then().statusCode(200).extract().asString();

    assertContains(page, "<caption>Monitored sources");
    for (String column :
        new String[] {"Source", "Type", "Shard", "Items seen", "Last success", "Last error"}) {
      assertContains(page, "<th scope=\"col\">" + column + "</th>");
    }
    String herald = row(page, "Minsk Herald &lt;feed&gt;");
    assertContains(herald, "https://minsk-herald.example/rss.xml");
    assertContains(herald, "<td data-label=\"Type\">feed</td>");
    assertContains(herald, "<td data-label=\"Shard\">minsk-herald.example</td>");
    assertContains(herald, "<td data-label=\"Items seen\">42</td>");
    assertContains(herald, "<td data-label=\"Last success\">2024-03-14 08:00 UTC</td>");
    assertContains(
        herald,
        "2024-03-14 09:45 UTC<br><span class=\"meta\">http-status: 503 from https://minsk-herald.example/rss.xml");
    assertContains(herald, "3 error(s) in all");

    String folder = row(page, "seed-reports");
    assertContains(folder, "deploy/seed/reports");
    assertContains(folder, "from the sources file");
    assertContains(folder, "<td data-label=\"Shard\">folder:seed-reports</td>");
    assertContains(folder, "<td data-label=\"Last success\">2024-03-14 09:31 UTC</td>");
    assertContains(folder, "binary: file:/reports/scan.pdf is not text");

    assertContains(row(page, "belta-sitemap"), "<td data-label=\"Last success\">never</td>");
    assertContains(row(page, "kremlin-page"), "polled by another fetcher instance");
    assertTrue(!page.contains("<feed>"), "a source's name is escaped");
  }

  @Test
  void aFailingSourceIsFlaggedInWordsAndOneThatSkippedABadItemIsNot() {
    String page = signedIn().get("/sources").then().statusCode(200).extract().asString();

    assertContains(page, "4 source(s), <strong>2 failing</strong>");
    // the last error came after the last success
    assertContains(row(page, "Minsk Herald &lt;feed&gt;"), "Minsk Herald &lt;feed&gt; " + FLAG);
    // never got through
    assertContains(row(page, "belta-sitemap"), FLAG);
    // one file failed, then the folder was read again
    assertFalse(row(page, "seed-reports").contains(FLAG), row(page, "seed-reports"));
    assertFalse(row(page, "kremlin-page").contains(FLAG), row(page, "kremlin-page"));
  }

  @Test
  void theFormHasALabelOnEveryFieldAndARemoveButtonPerSource() {
    String page = signedIn().get("/sources").then().statusCode(200).extract().asString();

    for (String field : new String[] {"name", "type", "url", "path", "interval"}) {
      assertContains(page, "<label for=\"source-" + field + "\">");
      assertContains(page, "id=\"source-" + field + "\" name=\"" + field + "\"");
    }
    assertContains(page, "<option value=\"feed\" selected>");
    assertContains(page, "action=\"/sources/Minsk%20Herald%20%3Cfeed%3E/delete\"");
    assertContains(page, "aria-label=\"Remove source Minsk Herald &lt;feed&gt;\"");
  }

  @Test
  void addingPostsWhatTheCliSendsWithTheUsersKeyAndRedirectsToTheList() throws Exception {
    signedIn()
        .header("Origin", origin())
        .formParam("name", " belta-feed ")
        .formParam("type", "feed")
        .formParam("url", "https://belta.example/rss")
        .formParam("path", "")
        .formParam("interval", "10m")
        .post("/sources")
        .then()
        .statusCode(303)
        .header("Location", "/sources");

    JsonNode sent = new ObjectMapper().readTree(StandInFetcher.LAST_POST.get());
    assertEquals("belta-feed", sent.get("name").asText());
    assertEquals("feed", sent.get("type").asText());
    assertEquals("https://belta.example/rss", sent.get("url").asText());
    assertTrue(
        sent.get("path").isNull(),
        "an empty field is sent as null, as the CLI sends an option not given");
    assertEquals("10m", sent.get("interval").asText());
    assertEquals("POST /sources", StandInFetcher.LAST_CHANGE.get());
    assertEquals("Bearer " + StandInIndexer.KEY, StandInFetcher.LAST_AUTHORIZATION.get());
  }

  @Test
  void theFetchersRefusalIsShownByTheFieldItNamesWithTheValuesKept() {
    String page =
        signedIn()
            .formParam("name", "belta <b>")
            .formParam("type", "sitemap")
            .formParam("url", "ftp://belta.example/sitemap.xml")
            .formParam("interval", "2h")
            .post("/sources")
            .then()
            .statusCode(400)
            .extract()
            .asString();

    assertContains(page, "aria-describedby=\"source-url-hint source-url-error\"");
    assertContains(
        page,
        "<p id=\"source-url-error\" class=\"error\" role=\"alert\">source &#39;belta &lt;b&gt;&#39;:"
            + " url must be http or https, was &#39;ftp://belta.example/sitemap.xml&#39;</p>");
    assertFalse(
        page.contains("id=\"source-name-error\""),
        "only the field the fetcher names shows the error");
    assertContains(page, "value=\"belta &lt;b&gt;\"");
    assertContains(page, "value=\"ftp://belta.example/sitemap.xml\"");
    assertContains(page, "<option value=\"sitemap\" selected>");
    assertContains(page, "value=\"2h\"");
    assertContains(page, "Minsk Herald &lt;feed&gt;");

    String interval =
        signedIn()
            .formParam("name", "belta")
            .formParam("type", "feed")
            .formParam("url", "https://belta.example/rss")
            .formParam("interval", "soon")
            .post("/sources")
            .then()
            .statusCode(400)
            .extract()
            .asString();
    assertContains(
        interval,
        "<p id=\"source-interval-error\" class=\"error\" role=\"alert\">interval &#39;soon&#39;");

    String taken =
        signedIn()
            .formParam("name", "seed-reports")
            .formParam("type", "feed")
            .formParam("url", "https://example.org/feed.xml")
            .post("/sources")
            .then()
            .statusCode(409)
            .extract()
            .asString();
    assertContains(
        taken,
        "<p id=\"source-name-error\" class=\"error\" role=\"alert\">a source named &#39;seed-reports&#39; exists");
  }

  @Test
  void aRefusalThatNamesNoFieldIsShownByTheButton() {
    String folder =
        signedIn()
            .formParam("name", "reports")
            .formParam("type", "folder")
            .formParam("path", "/srv/reports")
            .post("/sources")
            .then()
            .statusCode(403)
            .extract()
            .asString();
    assertContains(
        folder,
        "<p id=\"source-error\" class=\"error\" role=\"alert\">A folder source needs the admin role");
    assertContains(folder, "<option value=\"folder\" selected>");
    assertContains(folder, "value=\"/srv/reports\"");

    given()
        .redirects()
        .follow(false)
        .cookie(KeyCookie.NAME, StandInFetcher.READER_KEY)
        .formParam("name", "x")
        .formParam("type", "feed")
        .formParam("url", "https://example.org/f.xml")
        .post("/sources")
        .then()
        .statusCode(403)
        .body(containsString("needs the editor role"));
  }

  @Test
  void removingCallsDeleteAndRedirectsToTheList() {
    // sent as the page's action writes it, as a browser sends it
    signedIn()
        .urlEncodingEnabled(false)
        .header("Origin", origin())
        .post("/sources/Minsk%20Herald%20%3Cfeed%3E/delete")
        .then()
        .statusCode(303)
        .header("Location", "/sources");
    assertEquals("DELETE /sources/Minsk%20Herald%20%3Cfeed%3E", StandInFetcher.LAST_CHANGE.get());
    assertEquals("Bearer " + StandInIndexer.KEY, StandInFetcher.LAST_AUTHORIZATION.get());

    signedIn()
        .post("/sources/missing/delete")
        .then()
        .statusCode(404)
        .body(containsString("Cannot remove the source: no source named &#39;missing&#39;"));
  }

  @Test
  void aFormPostedFromAnotherSiteIsRefused() {
    StandInFetcher.LAST_CHANGE.set("");
    signedIn()
        .header("Origin", "http://evil.example")
        .formParam("name", "x")
        .formParam("type", "feed")
        .formParam("url", "https://evil.example/feed.xml")
        .post("/sources")
        .then()
        .statusCode(403);
    signedIn()
        .header("Origin", "http://evil.example")
        .post("/sources/seed-reports/delete")
        .then()
        .statusCode(403);
    assertEquals("", StandInFetcher.LAST_CHANGE.get(), "nothing reached the fetcher");
  }

  @Test
  void withoutTheCookieThePageAndItsFormsSendToSignin() {
    StandInFetcher.LAST_CHANGE.set("");
    given()
        .redirects()
        .follow(false)
        .get("/sources")
        .then()
        .statusCode(303)
        .header("Location", "/signin?next=%2Fsources");
    given()
        .redirects()
        .follow(false)
        .formParam("name", "x")
        .post("/sources")
        .then()
        .statusCode(303)
        .header("Location", "/signin?next=%2Fsources");
    given()
        .redirects()
        .follow(false)
        .post("/sources/seed-reports/delete")
        .then()
        .statusCode(303)
        .header("Location", "/signin?next=%2Fsources%2Fseed-reports%2Fdelete");
    assertEquals("", StandInFetcher.LAST_CHANGE.get(), "nothing reached the fetcher");
  }

  /** The table row of the source named {@code name} (as the page writes it, escaped). */
  private static String row(String page, String name) {
    return Arrays.stream(page.split("<tr"))
        .filter(r -> r.contains("<th scope=\"row\">" + name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + name + " in\n" + page));
  }

  private String origin() {
    return console.getProtocol() + "://" + console.getAuthority();
  }
}
