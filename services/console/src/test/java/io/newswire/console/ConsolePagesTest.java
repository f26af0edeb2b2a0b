package io.newswire.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.console.signin.KeyCookie;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Issue 14, step 1: sign-in and the search page against {@link StandInIndexer}. */
@QuarkusTest
@QuarkusTestResource(value = StandInIndexer.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = StandInAlerter.class, restrictToAnnotatedClass = true)
class ConsolePagesTest {

  @Test
  void aGoodKeySetsAStrictHttpOnlyCookieAndLeavesTheAddressBar() {
    Response response = given().redirects().follow(false)
        .queryParam("key", StandInIndexer.KEY).queryParam("next", "/?q=Lavrov").get("/signin");

    response.then().statusCode(303).header("Location", "/?q=Lavrov");
    String cookie = response.getHeader("Set-Cookie");
    assertTrue(cookie.startsWith(KeyCookie.NAME + "=" + StandInIndexer.KEY), cookie);
    assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"), cookie);
  }

  @Test
  void aKeyTheIndexerRefusesShowsTheFormWithWhy() {
    given().redirects().follow(false).formParam("key", "nwk_revoked").post("/signin")
        .then().statusCode(401).header("Set-Cookie", equalTo(null))
        .body(containsString("does not accept this key"), containsString("<label for=\"key\">API key</label>"),
            not(containsString("nwk_revoked")));
  }

  @Test
  void anOffSiteNextIsNotFollowed() {
    given().redirects().follow(false).queryParam("key", StandInIndexer.KEY).queryParam("next", "//evil.example/")
        .get("/signin").then().statusCode(303).header("Location", "/");
  }

  @Test
  void withoutTheCookieAPageSendsToSigninAndBack() {
    given().redirects().follow(false).get("/?q=Lavrov")
        .then().statusCode(303).header("Location", "/signin?next=%2F%3Fq%3DLavrov");
  }

  @Test
  void signingOutClearsTheCookie() {
    Response response = given().redirects().follow(false).cookie(KeyCookie.NAME, StandInIndexer.KEY).post("/signout");
    response.then().statusCode(303).header("Location", "/signin");
    assertTrue(response.getHeader("Set-Cookie").contains("Max-Age=0"), response.getHeader("Set-Cookie"));
  }

  @Test
  void lavrovShowsItsHitsMarkedAndEscaped() {
    String page = signedIn().get("/?q=Lavrov").then().statusCode(200).extract().asString();

    assertContains(page, "<html lang=\"en\">");
    assertContains(page, "value=\"Lavrov\"");
    assertContains(page, "21 stories, 23 reports");
    assertContains(page, "<a href=\"file:/000-lavrov-minsk.html\">Lavrov meets Makei in Minsk</a>");
    assertContains(page, "Foreign ministers <em>Lavrov</em> and Makei");
    assertContains(page, "2024-03-14 09:30 UTC");
    assertContains(page, "also in:");
    assertContains(page, "<a href=\"https://mirror.example/000\">mirror</a>");
    assertContains(page, "if a &lt;" + " b then &lt;script&gt;alert(&#39;snippet&#39;)&lt;/script&gt; <em>Lavrov</em> said &amp; left");
    assertContains(page, "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Lavrov&#39;s &lt;b&gt;warning&lt;/b&gt;");
    assertContains(page, "feed-&lt;i&gt;x&lt;/i&gt;");
    assertTrue(!page.contains("<script") && !page.contains("href=\"javascript:"), page);
  }

  @Test
  void pagesLinkEachOtherAndAskTheIndexerForTheirSlice() {
    String first = signedIn().get("/?q=Lavrov").then().statusCode(200).extract().asString();
    assertContains(first, "<a rel=\"next\" href=\"/?q=Lavrov&amp;page=2\">");
    assertTrue(!first.contains("rel=\"prev\""), first);

    String third = signedIn().get("/?q=Lavrov&page=3&all=true").then().statusCode(200).extract().asString();
    assertTrue(StandInIndexer.LAST.get().contains("from=20") && StandInIndexer.LAST.get().contains("all=true"),
        StandInIndexer.LAST.get());
    assertContains(third, "<a rel=\"prev\" href=\"/?q=Lavrov&amp;page=2&amp;all=true\">");
    assertTrue(!third.contains("rel=\"next\""), "23 reports end on page 3: " + third);
    assertContains(third, "name=\"all\" value=\"true\" checked");
  }

  @Test
  void anInvalidQueryShowsTheIndexersErrorByTheBox() {
    signedIn().get("/?q=Lavrov AND ((").then().statusCode(400)
        .body(containsString("<p id=\"search-error\" class=\"error\" role=\"alert\">Invalid query &#39;Lavrov AND ((&#39;"));
  }

  @Test
  void aKeyRevokedSinceSigningInSendsToSignin() {
    given().redirects().follow(false).cookie(KeyCookie.NAME, "nwk_revoked").get("/?q=Lavrov")
        .then().statusCode(303).header("Location", "/signin?next=%2F%3Fq%3DLavrov");
  }

  @Test
  void healthAndTheStylesheetNeedNoSignin() {
    given().get("/q/health/ready").then().statusCode(200);
    given().get("/console.css").then().statusCode(200).body(containsString(".hit"));
  }

  private static io.restassured.specification.RequestSpecification signedIn() {
    return given().redirects().follow(false).cookie(KeyCookie.NAME, StandInIndexer.KEY);
  }

  private static void assertContains(String page, String expected) {
    assertTrue(page.contains(expected), () -> "expected " + expected + " in\n" + page);
  }
}
