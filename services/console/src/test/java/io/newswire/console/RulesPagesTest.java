package io.newswire.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.console.signin.KeyCookie;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** Issue 14, step 2: the rules page and "alert me on this" against {@link StandInAlerter}. */
@QuarkusTest
@QuarkusTestResource(value = StandInIndexer.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = StandInAlerter.class, restrictToAnnotatedClass = true)
class RulesPagesTest {
  @TestHTTPResource("/")
  URL console;

  @Test
  void rulesAreListedWithWhatTheyRunAndTheirRedactedWebhook() {
    String page = signedIn().get("/rules").then().statusCode(200).extract().asString();

    assertContains(page, "<code>Lukashenko</code>");
    assertContains(page, "runs <code>(Lukashenko OR nk:lwkxnk)</code>");
    assertContains(page, "https://hooks.example <span class=\"meta\">(signed)</span>");
    assertContains(page, "NATO &lt;summit&gt;");
    assertContains(
        page,
        "<code>&quot;NATO&quot; summit</code> <span class=\"meta\">(names only as written)</span>");
    assertTrue(
        !page.contains("runs <code>&quot;NATO"),
        "a rule that runs its query as written shows it once");
    assertContains(page, "action=\"/rules/r-nato/delete\"");
    assertContains(page, "<label for=\"rule-query\">Query</label>");
    assertContains(page, "<a href=\"/alerts\">Alerts</a>");
  }

  @Test
  void eachRuleShowsWhatItRaisedAndWhenLast() {
    String page = signedIn().get("/rules").then().statusCode(200).extract().asString();
    assertContains(
        page,
        "<td>3 <span class=\"meta\">(+1 copy)</span><br><span class=\"meta\">last 2024-03-14 10:15 UTC</span></td>");
    assertContains(page, "<td><span class=\"meta\">none yet</span></td>");
  }

  @Test
  void editingFillsTheFormAndPutsTheChangeKeepingTheWebhook() throws Exception {
    String page =
        signedIn().get("/rules?edit=r-lukashenko").then().statusCode(200).extract().asString();
    assertContains(
        page,
        "<form id=\"rule-form\" class=\"rule-form\" method=\"post\" action=\"/rules/r-lukashenko\">");
    assertContains(page, "Change the rule “Lukashenko”");
    assertContains(page, "id=\"rule-query\" name=\"query\" type=\"search\" value=\"Lukashenko\"");
    assertContains(page, "<a class=\"small\" href=\"/rules?edit=r-nato#rule-form\"");

    signedIn()
        .header("Origin", origin())
        .formParam("name", "Lukashenko")
        .formParam("query", "Lukashenko OR Tsikhanouskaya")
        .post("/rules/r-lukashenko")
        .then()
        .statusCode(303)
        .header("Location", "/rules");
    assertEquals("PUT /rules/r-lukashenko", StandInAlerter.LAST_CHANGE.get());
    JsonNode sent = new ObjectMapper().readTree(StandInAlerter.LAST_POST.get());
    assertEquals("Lukashenko OR Tsikhanouskaya", sent.get("query").asText());
    assertTrue(sent.get("keepWebhook").asBoolean());
    assertTrue(!sent.get("exact").asBoolean());

    String refused =
        signedIn()
            .formParam("name", "L")
            .formParam("query", "Lukashenko AND ((")
            .post("/rules/r-lukashenko")
            .then()
            .statusCode(400)
            .extract()
            .asString();
    assertContains(refused, "action=\"/rules/r-lukashenko\"");
    assertContains(refused, "value=\"Lukashenko AND ((\"");
    assertContains(
        refused, "<p id=\"query-error\" class=\"error\" role=\"alert\">Invalid rule query");

    signedIn()
        .get("/rules?edit=gone")
        .then()
        .statusCode(404)
        .body(org.hamcrest.Matchers.containsString("No rule with id gone"));
  }

  @Test
  void creatingPostsTheRuleWithTheUsersKeyAndRedirectsToTheList() throws Exception {
    signedIn()
        .header("Origin", origin())
        .formParam("name", "Minsk talks")
        .formParam("query", "Lavrov Minsk")
        .formParam("exact", "true")
        .post("/rules")
        .then()
        .statusCode(303)
        .header("Location", "/rules");

    JsonNode sent = new ObjectMapper().readTree(StandInAlerter.LAST_POST.get());
    assertEquals("Minsk talks", sent.get("name").asText());
    assertEquals("Lavrov Minsk", sent.get("query").asText());
    assertTrue(sent.get("exact").asBoolean());
    assertEquals("Bearer " + StandInIndexer.KEY, StandInAlerter.LAST_AUTHORIZATION.get());
  }

  @Test
  void alertMeOnThisPostsTheSearchAsARuleNamedAfterIt() throws Exception {
    String search =
        signedIn().get("/?q=Lavrov&exact=true").then().statusCode(200).extract().asString();
    assertContains(search, "<form class=\"alert-me\" method=\"post\" action=\"/rules\">");
    assertContains(search, "<input type=\"hidden\" name=\"query\" value=\"Lavrov\">");
    assertContains(search, "<input type=\"hidden\" name=\"exact\" value=\"true\">");

    signedIn()
        .formParam("name", "Lavrov")
        .formParam("query", "Lavrov")
        .formParam("exact", "true")
        .post("/rules")
        .then()
        .statusCode(303)
        .header("Location", "/rules");
    JsonNode sent = new ObjectMapper().readTree(StandInAlerter.LAST_POST.get());
    assertEquals("Lavrov", sent.get("name").asText());
    assertTrue(sent.get("exact").asBoolean());
  }

  @Test
  void theAlertersRefusalIsShownByTheQueryWithTheValuesKept() {
    String page =
        signedIn()
            .formParam("name", "broken <b>")
            .formParam("query", "Lavrov AND ((")
            .post("/rules")
            .then()
            .statusCode(400)
            .extract()
            .asString();

    assertContains(page, "aria-describedby=\"query-error\" aria-invalid=\"true\"");
    assertContains(
        page,
        "<p id=\"query-error\" class=\"error\" role=\"alert\">Invalid rule query &#39;Lavrov AND ((&#39;");
    assertContains(page, "value=\"broken &lt;b&gt;\"");
    assertContains(page, "value=\"Lavrov AND ((\"");
    assertContains(page, "<code>Lukashenko</code>");
  }

  @Test
  void aReaderIsOfferedNoChangesAndAnEditorIsNamedInTheBar() {
    String reader =
        given()
            .cookie(KeyCookie.NAME, StandInAlerter.READER_KEY)
            .get("/rules")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(
        !reader.contains("id=\"rule-form\"")
            && !reader.contains("/delete\"")
            && !reader.contains("?edit="),
        reader);
    assertContains(reader, "Your key has the reader role");
    assertContains(
        reader,
        "<span class=\"who\" title=\"the key you signed in with, and its role\">standin · reader</span>");
    String search =
        given()
            .cookie(KeyCookie.NAME, StandInAlerter.READER_KEY)
            .get("/?q=Lavrov")
            .then()
            .extract()
            .asString();
    assertTrue(!search.contains("Alert me on this"), search);

    String admin = signedIn().get("/rules").then().statusCode(200).extract().asString();
    assertContains(admin, "standin-admin · admin");
    assertContains(admin, "id=\"rule-form\"");
  }

  @Test
  void aReaderIsToldWhichRoleCreatingNeeds() {
    given()
        .redirects()
        .follow(false)
        .cookie(KeyCookie.NAME, StandInAlerter.READER_KEY)
        .formParam("query", "NATO")
        .post("/rules")
        .then()
        .statusCode(403)
        .body(org.hamcrest.Matchers.containsString("needs the editor role"));
  }

  @Test
  void deletingCallsDeleteAndRedirectsToTheList() {
    signedIn()
        .header("Origin", origin())
        .post("/rules/r-nato/delete")
        .then()
        .statusCode(303)
        .header("Location", "/rules");
    assertEquals("DELETE /rules/r-nato", StandInAlerter.LAST_CHANGE.get());

    signedIn()
        .post("/rules/missing/delete")
        .then()
        .statusCode(404)
        .body(
            org.hamcrest.Matchers.containsString(
                "Cannot delete the rule: No rule with id missing"));
  }

  @Test
  void aFormPostedFromAnotherSiteIsRefused() {
    StandInAlerter.LAST_CHANGE.set("");
    signedIn()
        .header("Origin", "http://evil.example")
        .formParam("query", "NATO")
        .post("/rules")
        .then()
        .statusCode(403);
    signedIn()
        .header("Origin", "http://evil.example")
        .post("/rules/r-nato/delete")
        .then()
        .statusCode(403);
    given()
        .redirects()
        .follow(false)
        .header("Origin", "http://evil.example")
        .formParam("key", StandInIndexer.KEY)
        .post("/signin")
        .then()
        .statusCode(403);
    assertEquals("", StandInAlerter.LAST_CHANGE.get(), "nothing reached the alerter");
  }

  @Test
  void withoutTheCookieEveryPageSendsToSignin() {
    given()
        .redirects()
        .follow(false)
        .get("/rules")
        .then()
        .statusCode(303)
        .header("Location", "/signin?next=%2Frules");
    given()
        .redirects()
        .follow(false)
        .get("/alerts")
        .then()
        .statusCode(303)
        .header("Location", "/signin?next=%2Falerts");
    given()
        .redirects()
        .follow(false)
        .get("/alerts/stream")
        .then()
        .statusCode(303)
        .header("Location", "/signin?next=%2Falerts%2Fstream");
    given()
        .redirects()
        .follow(false)
        .formParam("query", "NATO")
        .post("/rules")
        .then()
        .statusCode(303)
        .header("Location", "/signin?next=%2Frules");
  }

  private String origin() {
    return console.getProtocol() + "://" + console.getAuthority();
  }

  static RequestSpecification signedIn() {
    return given().redirects().follow(false).cookie(KeyCookie.NAME, StandInIndexer.KEY);
  }

  static void assertContains(String page, String expected) {
    assertTrue(page.contains(expected), () -> "expected " + expected + " in\n" + page);
  }
}
