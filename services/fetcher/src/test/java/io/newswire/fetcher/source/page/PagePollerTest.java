package io.newswire.fetcher.source.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswire.fetcher.ListSink;
import io.newswire.fetcher.SourceFactory;
import io.newswire.fetcher.TestServer;
import io.newswire.fetcher.TestSupport;
import io.newswire.fetcher.http.FetchException;
import io.newswire.fetcher.source.SourceMonitor;
import io.newswire.model.DocumentIds;
import io.newswire.model.RawDocument;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PagePollerTest {
  final TestServer server;
  final ListSink sink = new ListSink();
  final SourceMonitor monitor = new SourceMonitor(new SimpleMeterRegistry());
  final SourceFactory factory;

  PagePollerTest() throws Exception {
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
  }

  @AfterEach
  void stop() {
    factory.close();
    server.close();
  }

  PagePoller page(String path, int maxItems) {
    return new PagePoller(
        "monitor",
        URI.create(server.base() + path),
        factory.fetcher(),
        factory.emitter(),
        List.of("text/html"),
        maxItems);
  }

  Set<String> emittedUrls() {
    return sink.documents.stream().map(RawDocument::url).collect(Collectors.toSet());
  }

  @Test
  void aListingPageEmitsItsFiveReportsOnceAndNotItself() throws Exception {
    server.fixture("/reports/", "text/html; charset=utf-8", "pages/listing.html");
    PagePoller poller = page("/reports/", 100);
    assertEquals(5, poller.poll());
    assertEquals(
        Set.of(0, 1, 2, 3, 4).stream()
            .map(i -> server.base() + "/reports/00" + i + ".html")
            .collect(Collectors.toSet()),
        emittedUrls());
    RawDocument first =
        sink.documents.stream()
            .filter(d -> d.id().equals(DocumentIds.forUrl(server.base() + "/reports/000.html")))
            .findFirst()
            .orElseThrow();
    assertEquals("Russia's Foreign Policy Concept and NATO", first.feedTitle());
    assertEquals("2023-04-03", first.feedPublished());
    assertEquals(0, server.hits("/reports/page/2"));
    assertEquals(0, server.hits("/reports/why-sanctions-on-russian-oil-are-working"));

    assertEquals(0, poller.poll(), "second poll");
    assertEquals(5, sink.documents.size());
    assertEquals(1, server.hits("/reports/000.html"), "a report is fetched once");
    assertEquals(2, server.hits("/reports/"));
  }

  @Test
  void aNewLinkOnAChangedListingIsTheOnlyNewDocument() throws Exception {
    String listing = TestServer.fixture("pages/listing.html").replace("{{base}}", server.base());
    String older =
        listing.replaceAll("(?s)<li class=\"card\">\\s*<a href=\"/reports/000.html.*?</li>", "");
    byte[][] current = {older.getBytes(StandardCharsets.UTF_8)};
    server.route("/reports/", ex -> TestServer.send(ex, 200, "text/html", current[0]));
    PagePoller poller = page("/reports/", 100);
    assertEquals(4, poller.poll());
    current[0] = listing.getBytes(StandardCharsets.UTF_8);
    assertEquals(1, poller.poll());
    assertEquals(5, sink.documents.size());
    assertEquals(1, server.hits("/reports/001.html"));
  }

  @Test
  void theItemsPerPollCapLeavesTheRestForTheNextPollsDespiteTheUnchangedETag() throws Exception {
    server.fixture("/reports/", "text/html", "pages/listing.html"); // answers 304 to its ETag
    PagePoller poller = page("/reports/", 2);
    assertEquals(2, poller.poll());
    assertEquals(2, poller.poll());
    assertEquals(1, poller.poll());
    assertEquals(0, poller.poll());
    assertEquals(5, sink.documents.size());
  }

  @Test
  void anArticleWithRelatedLinksIsEmittedItselfAndTheLinksAreNotFetched() throws Exception {
    server.fixture(
        "/reports/minsk-after-the-referendum", "text/html", "pages/article-related.html");
    assertEquals(1, page("/reports/minsk-after-the-referendum", 100).poll());
    assertEquals(Set.of(server.base() + "/reports/minsk-after-the-referendum"), emittedUrls());
    assertEquals(0, server.hits("/reports/000.html"));
  }

  @Test
  void aFailedPageFailsThePoll() {
    FetchException e = assertThrows(FetchException.class, () -> page("/missing", 100).poll());
    assertEquals(FetchException.Reason.HTTP_STATUS, e.reason());
    assertTrue(sink.documents.isEmpty());
  }
}
