package io.newswire.fetcher.source.sitemap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswire.fetcher.ListSink;
import io.newswire.fetcher.SourceFactory;
import io.newswire.fetcher.TestServer;
import io.newswire.fetcher.TestSupport;
import io.newswire.fetcher.http.FetchException;
import io.newswire.fetcher.source.Poller;
import io.newswire.fetcher.source.SourceMonitor;
import io.newswire.fetcher.source.feed.SitePoller;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** robots.txt {@code Sitemap:} lines, for site sources without feeds and for sitemap sources. */
class RobotsSitemapsTest {
  static final byte[] HOME_WITHOUT_FEEDS =
      "<!DOCTYPE html><html><head><title>Eurasia Monitor</title></head><body><main><h1>Eurasia Monitor</h1></main></body></html>"
          .getBytes(StandardCharsets.UTF_8);

  final TestServer server;
  final ListSink sink = new ListSink();
  final SourceMonitor monitor = new SourceMonitor(new SimpleMeterRegistry());
  final SourceFactory factory;

  RobotsSitemapsTest() throws Exception {
    server = new TestServer().seedReports();
    factory =
        new SourceFactory(
            TestSupport.config(
                Map.of(
                    "newswire.fetcher.allow-private",
                    "127.0.0.1/32",
                    "newswire.fetcher.default-crawl-delay",
                    "0s")),
            sink,
            monitor);
    server.fixture("/sitemaps/sitemap-index.xml", "application/xml", "sitemaps/sitemap-index.xml");
    byte[] news =
        TestServer.fixture("sitemaps/news.xml")
            .replace("{{base}}", server.base())
            .getBytes(StandardCharsets.UTF_8);
    server.bytes("/sitemaps/news.xml.gz", "application/x-gzip", TestServer.gzip(news));
  }

  @AfterEach
  void stop() {
    factory.close();
    server.close();
  }

  SitePoller site(String path) {
    return new SitePoller(
        "monitor", URI.create(server.base() + path), factory.fetcher(), factory.emitter(), 100);
  }

  /** Issue 12: a listing of more URLs than a poll may take is cut to the newest, and says so. */
  @Test
  void aSitemapIndexListingMoreThanTheCapIsCutAndTheStatusSaysHowMany() throws Exception {
    for (String child : java.util.List.of("a", "b")) {
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < 30_000; i++) {
        lines.append(server.base()).append("/reports/").append(child).append(i).append(".html\n");
      }
      server.bytes(
          "/sitemaps/" + child + ".txt",
          "text/plain",
          lines.toString().getBytes(StandardCharsets.UTF_8));
    }
    server.bytes(
        "/sitemaps/big-index.xml",
        "application/xml",
        ("<?xml version=\"1.0\"?><sitemapindex"
                + " xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>"
                + server.base()
                + "/sitemaps/a.txt</loc>"
                + "</sitemap><sitemap><loc>"
                + server.base()
                + "/sitemaps/b.txt</loc></sitemap></sitemapindex>")
            .getBytes(StandardCharsets.UTF_8));
    server.bytes(
        "/reports/a0.html", "text/html", HOME_WITHOUT_FEEDS); // the one item this poll takes
    Poller poller =
        SitemapPoller.of(
            "big",
            URI.create(server.base() + "/sitemaps/big-index.xml"),
            factory.fetcher(),
            factory.emitter(),
            1);
    poller.poll();
    assertEquals(1, monitor.errorCount("big", "capped"));
    String reason = monitor.status("big").lastErrorReason;
    assertTrue(
        reason.contains("10000 of the 60000 URLs") && reason.contains("at most 50000"), reason);
  }

  /** Issue 12: the cap is newswire.fetcher.max-listed-urls. */
  @Test
  void theListingCapIsASetting() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      lines.append(server.base()).append("/reports/r").append(i).append(".html\n");
    }
    server.bytes(
        "/sitemaps/small.txt", "text/plain", lines.toString().getBytes(StandardCharsets.UTF_8));
    try (SourceFactory capped =
        new SourceFactory(
            TestSupport.config(
                Map.of(
                    "newswire.fetcher.allow-private",
                    "127.0.0.1/32",
                    "newswire.fetcher.default-crawl-delay",
                    "0s",
                    "newswire.fetcher.max-listed-urls",
                    "100")),
            sink,
            monitor)) {
      SitemapPoller.of(
              "small",
              URI.create(server.base() + "/sitemaps/small.txt"),
              capped.fetcher(),
              capped.emitter(),
              0)
          .poll();
    }
    String reason = monitor.status("small").lastErrorReason;
    assertTrue(reason.contains("50 of the 150 URLs") && reason.contains("at most 100"), reason);
  }

  @Test
  void aSitemapSourceOnRobotsTxtPollsTheSitemapsItNamesAndSurvivesAMissingOne() throws Exception {
    server.fixture("/robots.txt", "text/plain", "robots-sitemaps.txt");
    Poller poller =
        SitemapPoller.of(
            "monitor",
            URI.create(server.base() + "/robots.txt"),
            factory.fetcher(),
            factory.emitter(),
            100);
    assertTrue(poller instanceof RobotsSitemaps);
    assertEquals(5, poller.poll());
    assertEquals(1, server.hits("/sitemaps/retired.xml"));
    assertEquals(
        1,
        monitor.errorCount("monitor", "http-status"),
        "the missing sitemap is counted, the other polled");
    assertEquals(0, poller.poll());
    assertEquals(5, sink.documents.size());
  }

  @Test
  void aSiteWithoutFeedsIsPolledThroughItsRobotsSitemaps() throws Exception {
    server.fixture("/robots.txt", "text/plain", "robots-sitemaps.txt");
    server.bytes("/", "text/html", HOME_WITHOUT_FEEDS);
    SitePoller site = site("/");
    assertEquals(5, site.poll());
    assertEquals(0, site.poll());
    assertEquals(1, server.hits("/"), "the home page is read once a day, not every poll");
  }

  @Test
  void aHomePageDisallowedByRobotsStillLeadsToTheSitemaps() throws Exception {
    server.fixture("/robots.txt", "text/plain", "robots-sitemaps.txt"); // Disallow: /home
    server.bytes("/home", "text/html", HOME_WITHOUT_FEEDS);
    assertEquals(5, site("/home").poll());
    assertEquals(0, server.hits("/home"));
  }

  @Test
  void aSiteWithFeedsDoesNotUseTheSitemaps() throws Exception {
    server.fixture("/robots.txt", "text/plain", "robots-sitemaps.txt");
    server.fixture("/", "text/html", "sites/home.html");
    server.fixture("/feed.rss", "application/rss+xml", "feeds/reports.rss");
    server.fixture("/feed.atom", "application/atom+xml", "feeds/reports.atom");
    assertEquals(5, site("/").poll());
    assertEquals(0, server.hits("/sitemaps/sitemap-index.xml"));
  }

  @Test
  void aSiteWithNeitherFeedsNorSitemapsFailsSayingSo() {
    server.bytes(
        "/robots.txt",
        "text/plain",
        "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8));
    server.bytes("/", "text/html", HOME_WITHOUT_FEEDS);
    FetchException e = assertThrows(FetchException.class, () -> site("/").poll());
    assertEquals(FetchException.Reason.PARSE, e.reason());
    assertTrue(e.getMessage().contains("advertises no feed"), e.getMessage());
    assertTrue(e.getMessage().contains("names no sitemap"), e.getMessage());
  }

  @Test
  void aSiteWithoutFeedsWhoseRobotsTxtFailsIsRetriedLater() {
    server.route(
        "/robots.txt",
        ex -> TestServer.send(ex, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8)));
    server.bytes("/", "text/html", HOME_WITHOUT_FEEDS);
    FetchException e = assertThrows(FetchException.class, () -> site("/").poll());
    assertEquals(FetchException.Reason.NETWORK, e.reason());
    assertTrue(e.getMessage().contains("robots.txt"), e.getMessage());
  }

  @Test
  void aRobotsTxtWithoutSitemapLinesFailsTheSitemapSource() {
    server.bytes(
        "/robots.txt", "text/plain", "User-agent: *\nDisallow:\n".getBytes(StandardCharsets.UTF_8));
    Poller poller =
        SitemapPoller.of(
            "monitor",
            URI.create(server.base() + "/robots.txt"),
            factory.fetcher(),
            factory.emitter(),
            100);
    FetchException e = assertThrows(FetchException.class, poller::poll);
    assertTrue(e.getMessage().contains("names no sitemap"), e.getMessage());
  }
}
