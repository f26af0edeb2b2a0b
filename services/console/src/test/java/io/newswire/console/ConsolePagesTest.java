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
    Response response =
        given()
            .redirects()
            .follow(false)
            .queryParam("key", StandInIndexer.KEY)
            .queryParam("next", "/?q=Lavrov")
            .get("/signin");

    response.then().statusCode(303).header("Location", "/?q=Lavrov");
    String cookie = response.getHeader("Set-Cookie");
    assertTrue(cookie.startsWith(KeyCookie.NAME + "=" + StandInIndexer.KEY), cookie);
    assertTrue(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict")
            && cookie.contains("Path=/"),
        cookie);
    assertTrue(!cookie.contains("Secure"), "plain HTTP on loopback by default: " + cookie);
  }

  @Test
  void aKeyTheIndexerRefusesShowsTheFormWithWhy() {
    given()
        .redirects()
        .follow(false)
        .formParam("key", "nwk_revoked")
        .post("/signin")
        .then()
        .statusCode(401)
        .header("Set-Cookie", equalTo(null))
        .body(
            containsString("does not accept this key"),
            containsString("<label for=\"key\">API key</label>"),
            not(containsString("nwk_revoked")));
  }

  @Test
  void anOffSiteNextIsNotFollowed() {
    given()
        .redirects()
        .follow(false)
        .queryParam("key", StandInIndexer.KEY)
        .queryParam("next", "//evil.example/")
        .get("/signin")
        .then()
        .statusCode(303)
        .header("Location", "/");
  }

  @Test
  void withoutTheCookieAPageSendsToSigninAndBack() {
    given()
        .redirects()
        .follow(false)
        .get("/?q=Lavrov")
        .then()
        .statusCode(303)
        .header("Location", "/signin?next=%2F%3Fq%3DLavrov");
  }

  @Test
  void signingOutClearsTheCookie() {
    Response response =
        given()
            .redirects()
            .follow(false)
            .cookie(KeyCookie.NAME, StandInIndexer.KEY)
            .post("/signout");
    response.then().statusCode(303).header("Location", "/signin");
    assertTrue(
        response.getHeader("Set-Cookie").contains("Max-Age=0"), response.getHeader("Set-Cookie"));
  }

  @Test
  void lavrovShowsItsHitsMarkedAndEscaped() {
    String page = signedIn().get("/?q=Lavrov").then().statusCode(200).extract().asString();

    assertContains(page, "<html lang=\"en\">");
    assertContains(page, "value=\"Lavrov\"");
    assertContains(page, "21 stories, 23 reports");
    assertContains(
        page,
        "<a href=\"/articles/" + StandInIndexer.ARTICLE + "\">Lavrov meets Makei in Minsk</a>");
    assertContains(page, "<a class=\"original\" href=\"file:/000-lavrov-minsk.html\">original</a>");
    assertContains(page, "<span class=\"language\">ru</span>");
    assertContains(page, "Foreign ministers <em>Lavrov</em> and Makei");
    assertContains(page, "2024-03-14 09:30 UTC");
    assertContains(page, "also in:");
    assertContains(page, "<a href=\"https://mirror.example/000\">mirror</a>");
    assertContains(
        page,
        "if a &lt;"
            + " b then &lt;script&gt;alert(&#39;snippet&#39;)&lt;/script&gt; <em>Lavrov</em> said &amp; left");
    assertContains(
        page,
        "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Lavrov&#39;s &lt;b&gt;warning&lt;/b&gt;");
    assertContains(page, "feed-&lt;i&gt;x&lt;/i&gt;");
    assertTrue(!page.contains("<script") && !page.contains("href=\"javascript:"), page);
  }

  @Test
  void pagesLinkEachOtherAndAskTheIndexerForTheirSlice() {
    String first = signedIn().get("/?q=Lavrov").then().statusCode(200).extract().asString();
    assertContains(first, "<a rel=\"next\" href=\"/?q=Lavrov&amp;page=2\">");
    assertTrue(!first.contains("rel=\"prev\""), first);

    String third =
        signedIn().get("/?q=Lavrov&page=3&all=true").then().statusCode(200).extract().asString();
    assertTrue(
        StandInIndexer.LAST.get().contains("from=20")
            && StandInIndexer.LAST.get().contains("all=true"),
        StandInIndexer.LAST.get());
    assertContains(third, "<a rel=\"prev\" href=\"/?q=Lavrov&amp;page=2&amp;all=true\">");
    assertTrue(!third.contains("rel=\"next\""), "23 reports end on page 3: " + third);
    assertContains(third, "name=\"all\" value=\"true\" checked");
  }

  @Test
  void filtersAndOrderTravelToTheIndexerAndStayInTheAddress() {
    String page =
        signedIn()
            .get("/?q=Lavrov&sort=newest&source=seed&language=en&since=2024-03-01&until=2024-03-31")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String asked = StandInIndexer.LAST.get();
    for (String p :
        new String[] {
          "sort=newest", "source=seed", "language=en", "since=2024-03-01", "until=2024-03-31"
        }) {
      assertTrue(asked.contains(p), p + " in " + asked);
    }
    String here =
        "sort=newest&amp;source=seed&amp;language=en&amp;since=2024-03-01&amp;until=2024-03-31";
    assertContains(page, "<a rel=\"next\" href=\"/?q=Lavrov&amp;page=2&amp;" + here + "\">");
    // a facet that is on removes itself; one that is off adds itself beside the others
    assertContains(
        page,
        "href=\"/?q=Lavrov&amp;sort=newest&amp;language=en&amp;since=2024-03-01&amp;until=2024-03-31\""
            + " class=\"on\" aria-current=\"true\"");
    assertContains(
        page,
        "href=\"/?q=Lavrov&amp;sort=newest&amp;source=seed&amp;source=feed-%3Ci%3Ex%3C%2Fi%3E&amp;language=en"
            + "&amp;since=2024-03-01&amp;until=2024-03-31\">feed-&lt;i&gt;x&lt;/i&gt;</a> <span class=\"n\">3</span>");
    assertContains(
        page,
        "<a href=\"/?q=Lavrov&amp;source=seed&amp;language=en&amp;since=2024-03-01&amp;until=2024-03-31\">best match first</a>");
    assertContains(
        page,
        "<a href=\"/?q=Lavrov&amp;sort=newest&amp;source=seed&amp;language=en\">any time</a>");
    assertContains(page, "<option value=\"newest\" selected>");
    assertContains(page, "name=\"since\" value=\"2024-03-01\"");
    assertContains(page, "<input type=\"hidden\" name=\"source\" value=\"seed\">");

    signedIn().get("/?q=Lavrov&since=May&sort=oldest").then().statusCode(200);
    String cleaned = StandInIndexer.LAST.get();
    assertTrue(cleaned.contains("sort=relevance") && !cleaned.contains("since="), cleaned);
  }

  @Test
  void anArticleOpensWithItsTextCopiesAndOriginal() {
    String page =
        signedIn()
            .get("/articles/" + StandInIndexer.ARTICLE)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertContains(page, "<h1 id=\"article-title\">Lavrov meets Makei in Minsk</h1>");
    assertContains(page, "<p>Foreign ministers Lavrov and Makei met in Minsk on Thursday.</p>");
    assertContains(
        page,
        "<p>They discussed the Union State &amp; &lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt; trade.</p>");
    assertContains(page, "By A. Reporter, &lt;b&gt;B.&lt;/b&gt; Writer");
    assertContains(
        page, "<a class=\"original\" href=\"file:/000-lavrov-minsk.html\">The original</a>");
    assertContains(page, "The same story elsewhere (2)");
    assertContains(
        page,
        "<a href=\"/articles/Zx0c9V8b7N6m5L4k3J2h1G0f9D8s7A6p5O4i3U2y1T0\">Lavrov in Minsk</a> · mirror");
    assertContains(page, "(untitled)</a> · evil");
    assertTrue(!page.contains("<script") && !page.contains("href=\"javascript:"), page);

    signedIn()
        .get("/articles/missing")
        .then()
        .statusCode(404)
        .body(containsString("No article has the id &#39;missing&#39;"));
    given()
        .redirects()
        .follow(false)
        .get("/articles/" + StandInIndexer.ARTICLE)
        .then()
        .statusCode(303);
  }

  @Test
  void anInvalidQueryShowsTheIndexersErrorByTheBox() {
    signedIn()
        .get("/?q=Lavrov AND ((")
        .then()
        .statusCode(400)
        .body(
            containsString(
                "<p id=\"search-error\" class=\"error\" role=\"alert\">Invalid query &#39;Lavrov AND ((&#39;"));
  }

  @Test
  void aKeyRevokedSinceSigningInSendsToSignin() {
    given()
        .redirects()
        .follow(false)
        .cookie(KeyCookie.NAME, "nwk_revoked")
        .get("/?q=Lavrov")
        .then()
        .statusCode(303)
        .header("Location", "/signin?next=%2F%3Fq%3DLavrov");
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
