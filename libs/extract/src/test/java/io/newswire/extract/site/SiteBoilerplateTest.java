package io.newswire.extract.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.extract.Extraction;
import io.newswire.extract.Extractor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, per-source learning: blocks a site repeats across its pages are furniture; the first
 * page never depends on it; the memory stays bounded and is safe to share between threads.
 */
class SiteBoilerplateTest {

  private static final String ABOUT =
      "Example Corp is a global provider of clinical communication solutions, "
          + "with offices in twelve countries and customers in healthcare and industry alike.";

  private static String page(int n) {
    return "<html><body><article>"
        + "<p>Story "
        + n
        + ": the regional council approved the new transport plan on Tuesday, and its members "
        + "said the first bus lines would open in spring after a long consultation with residents.</p>"
        + "<p>Officials said the budget for item "
        + n
        + " would be reviewed again in autumn, when the figures "
        + "for the first months of operation are known and the council can compare them.</p>"
        + "<p>"
        + ABOUT
        + "</p>"
        + "</article></body></html>";
  }

  private static void seePage(SiteBoilerplate memory, String host, String url, String... blocks) {
    SitePage p = memory.open(host, url);
    for (String b : blocks) {
      p.see(b);
    }
    p.commit();
  }

  @Test
  void aBlockRepeatedOnEnoughPagesBecomesFurnitureOfThatSiteOnly() {
    SiteBoilerplate memory = new SiteBoilerplate(10, 10, 3);
    for (int i = 0; i < 2; i++) {
      seePage(
          memory,
          "a.example",
          "https://a.example/" + i,
          "Subscribe to our daily briefing",
          "story " + i);
    }
    assertFalse(
        memory.open("a.example", "x").isFurniture("Subscribe to our daily briefing"),
        "two pages are not enough");
    seePage(
        memory, "a.example", "https://a.example/2", "Subscribe to our daily briefing", "story 2");
    SitePage next = memory.open("a.example", "https://a.example/3");
    assertTrue(
        next.isFurniture("Subscribe to our DAILY briefing!"),
        "case and punctuation do not hide a repeat");
    assertFalse(next.isFurniture("story 2"));
    assertFalse(
        memory
            .open("b.example", "https://b.example/1")
            .isFurniture("Subscribe to our daily briefing"));
  }

  @Test
  void thePageSeenAgainDoesNotCountTwice() {
    SiteBoilerplate memory = new SiteBoilerplate(10, 10, 2);
    seePage(memory, "a.example", "https://a.example/1", "the same page");
    seePage(memory, "a.example", "https://a.example/1", "the same page");
    assertFalse(memory.open("a.example", "https://a.example/1").isFurniture("the same page"));
  }

  @Test
  void oldPagesAndIdleHostsAreForgotten() {
    SiteBoilerplate memory = new SiteBoilerplate(2, 3, 2);
    seePage(memory, "a.example", "1", "footer line");
    seePage(memory, "a.example", "2", "footer line");
    assertTrue(memory.open("a.example", "3").isFurniture("footer line"));
    for (int i = 3; i < 6; i++) {
      seePage(memory, "a.example", String.valueOf(i), "page " + i);
    }
    assertFalse(
        memory.open("a.example", "6").isFurniture("footer line"), "only the last 3 pages count");

    seePage(memory, "b.example", "1", "x");
    seePage(memory, "c.example", "1", "x");
    assertEquals(2, memory.hosts());
  }

  @Test
  void settingsOutOfRangeAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new SiteBoilerplate(10, 5, 1));
    assertThrows(IllegalArgumentException.class, () -> new SiteBoilerplate(10, 5, 6));
    assertThrows(IllegalArgumentException.class, () -> new SiteBoilerplate(0, 5, 2));
  }

  @Test
  void theExtractorDropsWhatTheSiteRepeatsButNeverNeedsItForTheFirstPage() {
    Extractor plain = new Extractor();
    Extractor learning = new Extractor(new SiteBoilerplate(10, 10, 3));
    Extraction first = learning.extract(page(0), "text/html", "https://news.example/0");
    assertEquals(
        plain.extract(page(0), "text/html", "https://news.example/0").text(), first.text());
    assertTrue(first.text().contains("Example Corp"), "nothing is known about the site yet");
    for (int i = 1; i < 3; i++) {
      learning.extract(page(i), "text/html", "https://news.example/" + i);
    }
    Extraction fourth = learning.extract(page(3), "text/html", "https://news.example/3");
    assertFalse(fourth.text().contains("Example Corp"), fourth.text());
    assertTrue(
        fourth.text().contains("Story 3:") && fourth.text().contains("item 3 would"),
        fourth.text());
    // a page without a URL, or the default extractor, is cleaned on its own
    assertTrue(learning.extract(page(4), "text/html", null).text().contains("Example Corp"));
    assertTrue(
        plain
            .extract(page(5), "text/html", "https://news.example/5")
            .text()
            .contains("Example Corp"));
  }

  @Test
  void aSiteWhosePagesAreAllTheSameStillGetsItsText() {
    Extractor learning = new Extractor(new SiteBoilerplate(10, 10, 2));
    String same = "<html><body><p>" + ABOUT + " " + ABOUT + "</p></body></html>";
    for (int i = 0; i < 4; i++) {
      assertTrue(
          learning
              .extract(same, "text/html", "https://same.example/" + i)
              .text()
              .contains("Example Corp"));
    }
    String report = ABOUT + "\n\n" + ABOUT + " It said so again.\n";
    for (int i = 0; i < 4; i++) {
      assertTrue(
          learning
              .extract(report, "text/plain", "https://same.example/r" + i)
              .text()
              .contains("Example"));
    }
  }

  @Test
  void pagesOfOneSiteCanBeCleanedConcurrently() throws Exception {
    Extractor learning = new Extractor(new SiteBoilerplate(50, 20, 3));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Extraction>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i;
        results.add(
            pool.submit(() -> learning.extract(page(n), "text/html", "https://news.example/" + n)));
      }
      for (Future<Extraction> f : results) {
        assertTrue(f.get().text().contains("Story "));
      }
    } finally {
      pool.shutdown();
    }
    assertFalse(
        learning
            .extract(page(999), "text/html", "https://news.example/999")
            .text()
            .contains("Example Corp"));
  }
}
