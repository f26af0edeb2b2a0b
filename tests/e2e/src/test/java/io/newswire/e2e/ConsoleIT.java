package io.newswire.e2e;

import static io.newswire.e2e.SeedScenario.INGEST_TIMEOUT;
import static io.newswire.e2e.SeedScenario.SEEDS;
import static io.newswire.e2e.SeedScenario.seeds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newswire.launcher.Pipeline;
import io.newswire.model.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 14 on the whole pipeline: the address {@code ./newswire up} prints as {@code Console} signs
 * a first visit in, the console's search shows what the indexer finds for the seed reports, a rule
 * made from a search alerts live, a feed added through the sources page is listed; a screenshot of
 * each page is kept.
 */
class ConsoleIT {
  @TempDir static Path work;
  private static Pipeline pipeline;
  private static Path watched;
  private static final HttpClient BROWSER =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @BeforeAll
  static void startNewswire() throws Exception {
    watched = Files.createDirectories(work.resolve("reports"));
    pipeline =
        TestPipelines.start(
            work, "sources:\n  - name: e2e-console\n    type: folder\n    path: " + watched + "\n");
    for (String seed : SEEDS) {
      Files.copy(seeds().resolve(seed + ".txt"), watched.resolve(seed + ".txt"));
    }
    Await.until(
        "5 indexed documents",
        INGEST_TIMEOUT,
        () ->
            Http.get(pipeline.url(Service.INDEXER) + "/search?all=true&q=*")
                .body()
                .path("total")
                .asLong(),
        n -> n == 5);
  }

  @AfterAll
  static void stopNewswire() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void thePrintedAddressSignsInAndTheSearchShowsTheSeedsThatNameLavrov() throws Exception {
    String console = pipeline.url(Service.CONSOLE);
    HttpResponse<String> anonymous = get(console + "/?q=Lavrov", null);
    assertEquals(303, anonymous.statusCode());
    assertTrue(
        anonymous.headers().firstValue("Location").orElse("").contains("/signin"),
        anonymous.headers().toString());

    HttpResponse<String> signIn = get(pipeline.consoleSignInUrl(), null);
    assertEquals(303, signIn.statusCode(), signIn.body());
    String location = signIn.headers().firstValue("Location").orElse("");
    assertFalse(location.contains("key="), "the key leaves the address bar: " + location);
    String setCookie = signIn.headers().firstValue("Set-Cookie").orElse("");
    assertTrue(setCookie.startsWith("newswire_key=") && setCookie.contains("HttpOnly"), setCookie);
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));

    HttpResponse<String> page = get(console + "/?q=Lavrov", cookie);
    assertEquals(200, page.statusCode(), page.body());
    String html = page.body();
    assertTrue(html.contains("file:" + SEEDS.get(1) + ".txt"), "001 names Lavrov");
    assertTrue(html.contains("file:" + SEEDS.get(2) + ".txt"), "002 names Lavrov");
    assertFalse(html.contains("file:" + SEEDS.get(3) + ".txt"), "003 does not");
    assertTrue(html.contains("2 stories, 2 reports"), "the counts say both");

    HttpResponse<String> invalid = get(console + "/?q=" + Http.encode("title:(Lavrov"), cookie);
    assertEquals(400, invalid.statusCode());
  }

  /**
   * The same in a real browser (Debian's chromium, driven through its chromium-driver): the printed
   * address opens the search page signed in, typing {@code Lavrov} and Enter shows 001 and 002 and
   * not 003, the address is a deep link that a reload shows again, and the page fits a phone's
   * width. A screenshot of each is kept in {@code target/screenshots}. Skipped where chromium is
   * not installed.
   */
  @Test
  void aBrowserSignsInSearchesAndReloadsTheDeepLink() throws Exception {
    WebDriver browser = browser();
    try {
      browser.get(pipeline.consoleSignInUrl());
      WebElement box = wait(browser).until(ExpectedConditions.elementToBeClickable(By.id("q")));
      assertFalse(browser.getCurrentUrl().contains("key="), browser.getCurrentUrl());
      box.sendKeys("Lavrov", Keys.ENTER);
      wait(browser).until(ExpectedConditions.urlContains("q=Lavrov"));
      assertEquals(
          Set.of("file:" + SEEDS.get(1) + ".txt", "file:" + SEEDS.get(2) + ".txt"),
          hitLinks(browser));
      screenshot(browser, "console-search");

      browser.navigate().refresh();
      assertEquals(
          Set.of("file:" + SEEDS.get(1) + ".txt", "file:" + SEEDS.get(2) + ".txt"),
          hitLinks(browser),
          "the address is the search: a reload shows it again");

      browser.manage().window().setSize(new Dimension(390, 844));
      Object overflow =
          ((JavascriptExecutor) browser)
              .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
      assertTrue(
          ((Number) overflow).longValue() <= 0,
          "no sideways scrolling at a phone's width: " + overflow);
      screenshot(browser, "console-search-phone");

      browser.manage().window().setSize(new Dimension(1280, 900));
      browser.findElement(By.cssSelector("h3 a")).click();
      WebElement title =
          wait(browser)
              .until(ExpectedConditions.visibilityOfElementLocated(By.id("article-title")));
      assertTrue(browser.getCurrentUrl().contains("/articles/"), browser.getCurrentUrl());
      assertFalse(title.getText().isBlank());
      assertTrue(
          browser.findElement(By.cssSelector(".article .text")).getText().contains("Lavrov"),
          "the hit opens its cleaned text");
      screenshot(browser, "console-article");
    } finally {
      browser.quit();
    }
  }

  /**
   * The console's alert loop in a browser: a search becomes a rule with one click, and a report
   * dropped into the watched folder afterwards appears on the open alerts page through its live
   * feed, without a reload; its title opens the article.
   */
  @Test
  void aRuleMadeFromASearchAlertsLiveOnTheOpenAlertsPage() throws Exception {
    WebDriver browser = browser();
    try {
      browser.get(pipeline.consoleSignInUrl());
      wait(browser)
          .until(ExpectedConditions.elementToBeClickable(By.id("q")))
          .sendKeys("Zephyrgate", Keys.ENTER);
      wait(browser).until(ExpectedConditions.urlContains("q=Zephyrgate"));
      browser.findElement(By.cssSelector(".alert-me button")).click();
      wait(browser).until(ExpectedConditions.urlContains("/rules"));
      assertTrue(
          browser.findElement(By.cssSelector("table.rules")).getText().contains("Zephyrgate"),
          "the new rule is listed");
      screenshot(browser, "console-rules");
      Await.until(
          "the rule to reach the alerter",
          Duration.ofSeconds(20),
          () -> Http.get(pipeline.url(Service.ALERTER) + "/rules").body().toString(),
          rules -> rules.contains("Zephyrgate"));

      browser.get(pipeline.url(Service.CONSOLE) + "/alerts");
      wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("alerts")));
      ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
      Files.writeString(
          watched.resolve("zephyrgate.txt"),
          "Zephyrgate inquiry opens in Riga\n\n"
              + "The parliamentary inquiry into the Zephyrgate contracts opened in Riga on Monday, with the former"
              + " transport minister the first to be questioned. Members asked who had approved the payments and"
              + " why the tender had been shortened to nine days.\n\nThe minister said the ministry had followed"
              + " the advice of its lawyers and that every payment had been audited.\n");
      WebElement alert =
          new WebDriverWait(browser, INGEST_TIMEOUT)
              .until(
                  ExpectedConditions.presenceOfElementLocated(
                      By.xpath("//ol[@id='alerts']/li[contains(., 'Zephyrgate')]")));
      assertEquals(
          Boolean.TRUE,
          ((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"),
          "the alert came in without a reload");
      screenshot(browser, "console-alerts");
      alert.findElement(By.cssSelector("h3 a")).click();
      wait(browser)
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("article-title"), "Zephyrgate"));
    } finally {
      browser.quit();
    }
  }

  /**
   * Sources, dead letters and health in a browser: a feed added through the form is listed at once.
   */
  @Test
  void aBrowserAddsAFeedAndSeesTheOtherPages() throws Exception {
    WebDriver browser = browser();
    try {
      browser.get(pipeline.consoleSignInUrl());
      wait(browser).until(ExpectedConditions.elementToBeClickable(By.id("q")));
      browser.get(pipeline.url(Service.CONSOLE) + "/sources");
      wait(browser)
          .until(ExpectedConditions.elementToBeClickable(By.id("source-name")))
          .sendKeys("e2e-feed");
      new Select(browser.findElement(By.id("source-type"))).selectByValue("feed");
      browser.findElement(By.id("source-url")).sendKeys("https://example.org/e2e/feed.xml");
      browser.findElement(By.cssSelector(".source-form button[type=submit]")).click();
      WebElement row =
          wait(browser)
              .until(
                  ExpectedConditions.presenceOfElementLocated(
                      By.xpath(
                          "//table[contains(@class,'sources')]//th[contains(., 'e2e-feed')]")));
      assertTrue(row.getText().contains("https://example.org/e2e/feed.xml"), row.getText());
      assertTrue(
          browser.findElement(By.cssSelector("table.sources")).getText().contains("e2e-console"),
          "the folder source of the sources file is listed too");
      screenshot(browser, "console-sources");

      browser.get(pipeline.url(Service.CONSOLE) + "/dead-letters");
      wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
      screenshot(browser, "console-dead-letters");

      browser.get(pipeline.url(Service.CONSOLE) + "/health");
      wait(browser)
          .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.health")));
      assertEquals(
          4,
          browser.findElements(By.cssSelector("table.health td.ok")).size(),
          browser.findElement(By.cssSelector("table.health")).getText());
      screenshot(browser, "console-health");
    } finally {
      browser.quit();
    }
  }

  /**
   * Debian's chromium through its chromium-driver, headless at 1280 × 900; the test is skipped
   * where they are not installed.
   */
  private static WebDriver browser() {
    Path chromium = Path.of("/usr/bin/chromium");
    Path driverBinary = Path.of("/usr/bin/chromedriver");
    assumeTrue(
        Files.isExecutable(chromium) && Files.isExecutable(driverBinary),
        "no chromium and chromium-driver here (apt-get install chromium chromium-driver)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    // --no-sandbox: CI runs as root, where chromium's sandbox refuses to start
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driverBinary.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  private static WebDriverWait wait(WebDriver browser) {
    return new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  /** Kept in {@code target/screenshots} as the test's artefact. */
  private static void screenshot(WebDriver browser, String name) throws java.io.IOException {
    Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(
        screenshots.resolve(name + ".png"),
        ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
  }

  /** The original addresses the hits link to. */
  private static Set<String> hitLinks(WebDriver browser) {
    Set<String> links = new TreeSet<>();
    for (WebElement link : browser.findElements(By.cssSelector(".hit a.original"))) {
      links.add(link.getDomAttribute("href"));
    }
    return links;
  }

  private static HttpResponse<String> get(String url, String cookie) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return BROWSER.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
