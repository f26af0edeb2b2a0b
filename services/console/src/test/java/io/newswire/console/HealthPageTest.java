package io.newswire.console;

import static io.newswire.console.RulesPagesTest.assertContains;
import static io.newswire.console.RulesPagesTest.signedIn;
import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Issue 14: the health page reads every service's readiness, whether it answers or not. */
@QuarkusTest
@QuarkusTestResource(value = StandInReadiness.class, restrictToAnnotatedClass = true)
class HealthPageTest {
  @Test
  void eachServiceShowsItsStateLagAndLastMinute() {
    String page = signedIn().get("/health").then().statusCode(503).extract().asString();
    assertContains(page, "Not every service is ready.");
    assertContains(page, "Articles indexed in the last minute: <strong>12</strong>");
    assertContains(
        page,
        "<th scope=\"row\">cleaner</th>\n      <td class=\"ok\">✓ ready<div class=\"meta\">"
            + "java.lang.StackOverflowError on newswire.raw-0@17 (key &lt;k&gt;)</div></td>\n      <td>42</td><td>7</td>"
            + "<td>340</td><td>2</td><td>1</td>");
    assertContains(
        page,
        "<th scope=\"row\">indexer</th>\n      <td class=\"ok\">✓ ready</td>\n      <td>0</td><td>12</td>"
            + "<td>338</td>");
    assertContains(page, "<th scope=\"row\">fetcher</th>\n      <td class=\"failing\">✗ not ready");
    assertContains(
        page,
        "<th scope=\"row\">alerter</th>\n      <td class=\"failing\">✗ not answering<div class=\"meta\">"
            + "The alerter at http://127.0.0.1:");
    assertContains(page, "newswire.console.alerter-url");
  }

  @Test
  void itNeedsSigningIn() {
    given().redirects().follow(false).get("/health").then().statusCode(303);
  }
}
