package io.newswire.e2e;

import static io.newswire.e2e.SeedScenario.INGEST_TIMEOUT;
import static io.newswire.e2e.SeedScenario.SEEDS;
import static io.newswire.e2e.SeedScenario.seeds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newswire.stack.Pipeline;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 14, first step, on the whole pipeline: the address {@code ./newswire up} prints as {@code Console} signs
 * a first visit in, and the console's search shows what the indexer finds for the seed reports.
 */
class ConsoleIT {
  @TempDir static Path work;
  private static Pipeline pipeline;
  private static final HttpClient BROWSER = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void startNewswire() throws Exception {
    Path watched = Files.createDirectories(work.resolve("reports"));
    pipeline = TestPipelines.start(work,
        "sources:\n  - name: e2e-console\n    type: folder\n    path: " + watched + "\n");
    for (String seed : SEEDS) {
      Files.copy(seeds().resolve(seed + ".txt"), watched.resolve(seed + ".txt"));
    }
    Await.until("5 indexed documents", INGEST_TIMEOUT,
        () -> Http.get(pipeline.url("indexer") + "/search?all=true&q=*").body().path("total").asLong(), n -> n == 5);
  }

  @AfterAll
  static void stopNewswire() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void thePrintedAddressSignsInAndTheSearchShowsTheSeedsThatNameLavrov() throws Exception {
    String console = pipeline.url("console");
    HttpResponse<String> anonymous = get(console + "/?q=Lavrov", null);
    assertEquals(303, anonymous.statusCode());
    assertTrue(anonymous.headers().firstValue("Location").orElse("").contains("/signin"), anonymous.headers().toString());

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
   * The same in a real browser (Debian's chromium, driven through its chromium-driver): the printed address
   * opens the search page signed in, typing {@code Lavrov} and Enter shows 001 and 002 and not 003, the
   * address is a deep link that a reload shows again, and the page fits a phone's width. A screenshot of each
   * is kept in {@code target/screenshots}. Skipped where chromium is not installed.
   */
  @Test
  void aBrowserSignsInSearchesAndReloadsTheDeepLink() throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    Path driverBinary = Path.of("/usr/bin/chromedriver");
    assumeTrue(Files.isExecutable(chromium) && Files.isExecutable(driverBinary),
        "no chromium and chromium-driver here (apt-get install chromium chromium-driver)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    // --no-sandbox: CI runs as root, where chromium's sandbox refuses to start
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverBinary.toFile())
        .usingAnyFreePort().build();
    WebDriver browser = new ChromeDriver(service, options);
    Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
      browser.get(pipeline.consoleSignInUrl());
      WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
      assertFalse(browser.getCurrentUrl().contains("key="), browser.getCurrentUrl());
      box.sendKeys("Lavrov", Keys.ENTER);
      wait.until(ExpectedConditions.urlContains("q=Lavrov"));
      assertEquals(Set.of("file:" + SEEDS.get(1) + ".txt", "file:" + SEEDS.get(2) + ".txt"), hitLinks(browser));
      Files.write(screenshots.resolve("console-search.png"),
          ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));

      browser.navigate().refresh();
      assertEquals(Set.of("file:" + SEEDS.get(1) + ".txt", "file:" + SEEDS.get(2) + ".txt"), hitLinks(browser),
          "the address is the search: a reload shows it again");

      browser.manage().window().setSize(new Dimension(390, 844));
      Object overflow = ((JavascriptExecutor) browser).executeScript(
          "return document.documentElement.scrollWidth - window.innerWidth;");
      assertTrue(((Number) overflow).longValue() <= 0, "no sideways scrolling at a phone's width: " + overflow);
      Files.write(screenshots.resolve("console-search-phone.png"),
          ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
    } finally {
      browser.quit();
    }
  }

  /** The original addresses the hits link to, in the order of the page. */
  private static Set<String> hitLinks(WebDriver browser) {
    Set<String> links = new TreeSet<>();
    for (WebElement link : browser.findElements(By.cssSelector("h3 a"))) {
      links.add(link.getDomAttribute("href"));
    }
    return links;
  }

  private static HttpResponse<String> get(String url, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return BROWSER.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
