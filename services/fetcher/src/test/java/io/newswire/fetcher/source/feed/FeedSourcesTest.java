package io.newswire.fetcher.source.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswire.fetcher.FetcherConfig;
import io.newswire.fetcher.ListSink;
import io.newswire.fetcher.SourceFactory;
import io.newswire.fetcher.TestServer;
import io.newswire.fetcher.TestSupport;
import io.newswire.fetcher.http.FetchException;
import io.newswire.fetcher.source.SourceMonitor;
import io.newswire.fetcher.source.page.PagePoller;
import io.newswire.fetcher.source.sitemap.SitemapPoller;
import io.newswire.model.DocumentIds;
import io.newswire.model.RawDocument;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedSourcesTest {
  final TestServer server;
  final ListSink sink = new ListSink();
  final SourceMonitor monitor = new SourceMonitor(new SimpleMeterRegistry());
  final SourceFactory factory;

  FeedSourcesTest() throws Exception {
    server = new TestServer().seedReports();
    FetcherConfig config =
        TestSupport.config(
            Map.of(
                "newswire.fetcher.allow-private",
                "127.0.0.1/32",
                "newswire.fetcher.default-crawl-delay",
                "0s"));
    factory = new SourceFactory(config, sink, monitor);
  }

  @AfterEach
  void stop() {
    factory.close();
    server.close();
  }

  FeedPoller feed(String path) {
    return new FeedPoller(
        "monitor", URI.create(server.base() + path), factory.fetcher(), factory.emitter(), 100);
  }

  RawDocument doc(String path) {
    String id = DocumentIds.forUrl(server.base() + path);
    return sink.documents.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void anRssFeedListingFiveReportsEndsUpAsFiveDocumentsAndASecondPollEmitsNothing()
      throws Exception {
    server.fixture("/feed.rss", "application/rss+xml; charset=utf-8", "feeds/reports.rss");
    FeedPoller poller = feed("/feed.rss");
    assertEquals(5, poller.poll());
    assertEquals(5, sink.documents.size());
    RawDocument first = doc("/reports/000.html"); // the utm_* parameters do not change the id
    assertEquals("Russia's Foreign Policy Concept and NATO", first.feedTitle());
    assertEquals("Anna Kovalenko", first.feedAuthor());
    assertEquals("2023-04-03T09:00:00Z", first.feedPublished());
    assertEquals("text/html", first.contentType());
    assertEquals("UTF-8", first.charset());
    assertNotNull(first.etag());
    assertTrue(first.body().contains("<article>"));

    assertEquals(0, poller.poll(), "second poll");
    assertEquals(5, sink.documents.size());
    assertEquals(1, server.hits("/reports/001.html"), "an old item is never fetched again");
  }

  @Test
  void aChangedFeedWithTheSameValidatorsStillYieldsItsNewItem() throws Exception {
    String rss = TestServer.fixture("feeds/reports.rss").replace("{{base}}", server.base());
    // the first version lists only report 000; the server sends no validators at all
    String oneItem = rss.replaceAll("(?s)<item>\\s*<title>Lavrov.*</item>", "");
    byte[][] current = {oneItem.getBytes(StandardCharsets.UTF_8)};
    server.route("/feed.rss", ex -> TestServer.send(ex, 200, "application/rss+xml", current[0]));
    FeedPoller poller = feed("/feed.rss");
    assertEquals(1, poller.poll());
    current[0] = rss.getBytes(StandardCharsets.UTF_8);
    assertEquals(4, poller.poll());
    assertEquals(5, sink.documents.size());
  }

  @Test
  void atomAndJsonFeedsCarryTheirMetadata() throws Exception {
    server.fixture("/feed.atom", "application/atom+xml", "feeds/reports.atom");
    server.fixture("/feed.json", "application/feed+json", "feeds/reports.json");
    assertEquals(1, feed("/feed.atom").poll());
    assertEquals(1, feed("/feed.json").poll());
    assertEquals("Lilit Harutyunyan", doc("/reports/002.html").feedAuthor());
    assertEquals("2023-03-30T08:15:00Z", doc("/reports/002.html").feedPublished());
    assertEquals("Pavel Sidorenko", doc("/reports/004.html").feedAuthor());
    assertEquals("Belarus and the Union State", doc("/reports/004.html").feedTitle());
  }

  @Test
  void aFeedWithAnExternalEntityDoesNotReadLocalFiles(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
    String xxe =
        TestServer.fixture("feeds/xxe.rss")
            .replace("{{base}}", server.base())
            .replace("{{secret}}", secret.toString());
    server.bytes("/xxe.rss", "application/rss+xml", xxe.getBytes(StandardCharsets.UTF_8));
    FetchException e = assertThrows(FetchException.class, () -> feed("/xxe.rss").poll());
    assertEquals(FetchException.Reason.PARSE, e.reason());
    assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
    assertTrue(sink.documents.isEmpty());
    assertEquals(0, server.hits("/reports/000.html"));
  }

  @Test
  void robotsDisallowIsHonoured() throws Exception {
    server.fixture("/robots.txt", "text/plain", "robots-disallow.txt");
    server.fixture("/feed.rss", "application/rss+xml", "feeds/reports.rss");
    assertEquals(4, feed("/feed.rss").poll());
    assertEquals(0, server.hits("/reports/002.html"));
    assertEquals(1, monitor.errorCount("monitor", "robots"));
    assertTrue(sink.rejections.get(0).reason().contains("disallowed by robots.txt"));
  }

  @Test
  void aGzippedSitemapIndexWithANewsSitemapEndsUpAsFiveDocuments() throws Exception {
    server.fixture("/sitemaps/sitemap-index.xml", "application/xml", "sitemaps/sitemap-index.xml");
    byte[] news =
        TestServer.fixture("sitemaps/news.xml")
            .replace("{{base}}", server.base())
            .getBytes(StandardCharsets.UTF_8);
    server.bytes("/sitemaps/news.xml.gz", "application/x-gzip", TestServer.gzip(news));
    SitemapPoller poller =
        new SitemapPoller(
            "monitor",
            URI.create(server.base() + "/sitemaps/sitemap-index.xml"),
            factory.fetcher(),
            factory.emitter(),
            100);
    assertEquals(5, poller.poll());
    assertEquals("Russia's Foreign Policy Concept and NATO", doc("/reports/000.html").feedTitle());
    assertEquals("2023-04-03T09:00:00Z", doc("/reports/000.html").feedPublished());
    assertEquals(0, poller.poll());
  }

  @Test
  void feedDiscoveryFindsTheAdvertisedFeeds() throws Exception {
    String home = TestServer.fixture("sites/home.html").replace("{{base}}", server.base());
    assertEquals(
        List.of(server.base() + "/feed.rss", server.base() + "/feed.atom"),
        SitePoller.discover(home, URI.create(server.base() + "/")));
    server.bytes("/", "text/html", home.getBytes(StandardCharsets.UTF_8));
    server.fixture("/feed.rss", "application/rss+xml", "feeds/reports.rss");
    server.fixture("/feed.atom", "application/atom+xml", "feeds/reports.atom");
    SitePoller site =
        new SitePoller(
            "monitor", URI.create(server.base() + "/"), factory.fetcher(), factory.emitter(), 100);
    assertEquals(5, site.poll());
  }

  /** Issue 12: a home page advertising thousands of feeds has only the first ones polled. */
  @Test
  void aSitePollsAtMostTheFirstFeedsItsPageAdvertises() {
    StringBuilder page = new StringBuilder("<html><head>");
    for (int i = 0; i < 5_000; i++) {
      page.append("<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed-")
          .append(i)
          .append(".rss\">");
    }
    List<String> feeds =
        SitePoller.discover(
            page.append("</head></html>").toString(), URI.create(server.base() + "/"));
    assertEquals(SitePoller.MAX_FEEDS, feeds.size());
    assertEquals(server.base() + "/feed-0.rss", feeds.get(0));
  }

  @Test
  void aPageSourceEmitsOnlyWhenThePageChanges() throws Exception {
    byte[][] body = {"<html><body><p>v1</p></body></html>".getBytes(StandardCharsets.UTF_8)};
    server.route("/status", ex -> TestServer.send(ex, 200, "text/html", body[0]));
    PagePoller page =
        new PagePoller(
            "monitor",
            URI.create(server.base() + "/status"),
            factory.fetcher(),
            factory.emitter(),
            List.of("text/html"));
    assertEquals(1, page.poll());
    assertEquals(0, page.poll());
    body[0] = "<html><body><p>v2</p></body></html>".getBytes(StandardCharsets.UTF_8);
    assertEquals(1, page.poll());
    assertEquals(2, sink.documents.size());
  }

  @Test
  void aBrokenItemIsDeadLetteredAndTheFeedGoesOn() throws Exception {
    String rss =
        TestServer.fixture("feeds/reports.rss")
            .replace("{{base}}", server.base())
            .replace(
                server.base() + "/reports/003.html", "http://169.254.169.254/latest/meta-data/");
    server.bytes("/feed.rss", "application/rss+xml", rss.getBytes(StandardCharsets.UTF_8));
    assertEquals(4, feed("/feed.rss").poll());
    assertEquals(1, sink.rejections.size());
    assertTrue(sink.rejections.get(0).reason().contains("169.254.169.254"));
    assertEquals(1, monitor.errorCount("monitor", "blocked-address"));
  }
}
