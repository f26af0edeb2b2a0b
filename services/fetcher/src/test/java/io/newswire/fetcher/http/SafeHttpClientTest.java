package io.newswire.fetcher.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.fetcher.FetcherConfig;
import io.newswire.fetcher.SourceFactory;
import io.newswire.fetcher.TestServer;
import io.newswire.fetcher.TestSupport;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SafeHttpClientTest {
  static final List<String> HTML = List.of("text/html");
  final TestServer server;

  SafeHttpClientTest() throws Exception {
    server = new TestServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static SafeHttpClient client(Map<String, String> settings) {
    FetcherConfig config = TestSupport.config(settings);
    return SourceFactory.httpClient(config);
  }

  static SafeHttpClient allowingLoopback() {
    return client(
        Map.of(
            "newswire.fetcher.allow-private",
            "127.0.0.1/32",
            "newswire.fetcher.max-body-bytes",
            "100000"));
  }

  FetchException fails(SafeHttpClient client, String path, List<String> accept) {
    return assertThrows(
        FetchException.class,
        () -> client.fetch(FetchRequest.of(URI.create(server.base() + path), accept)));
  }

  @Test
  void loopbackIsRefusedWithTheAllowListOff() {
    server.bytes("/page", "text/html", "<p>hi</p>".getBytes(StandardCharsets.UTF_8));
    FetchException e = fails(client(Map.of()), "/page", HTML);
    assertEquals(FetchException.Reason.BLOCKED_ADDRESS, e.reason());
    assertTrue(e.getMessage().contains("newswire.fetcher.allow-private"), e.getMessage());
    assertEquals(0, server.hits("/page"), "no connection is made to a refused address");
  }

  @Test
  void aRedirectToTheCloudMetadataAddressIsRefused() {
    server.route(
        "/go",
        ex -> {
          ex.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
          ex.sendResponseHeaders(302, -1);
        });
    FetchException e = fails(allowingLoopback(), "/go", HTML);
    assertEquals(FetchException.Reason.BLOCKED_ADDRESS, e.reason());
    assertTrue(e.getMessage().contains("169.254.169.254"), e.getMessage());
  }

  @Test
  void aRedirectFromAnAllowedHostToAnotherLoopbackAddressIsRefused() throws Exception {
    // only the host name "localhost" is allowed; the redirect hop to 127.0.0.2 is checked again
    SafeHttpClient client = client(Map.of("newswire.fetcher.allow-private", "localhost"));
    server.route(
        "/go",
        ex -> {
          ex.getResponseHeaders().add("Location", "http://127.0.0.2:" + server.port() + "/page");
          ex.sendResponseHeaders(301, -1);
        });
    FetchException e =
        assertThrows(
            FetchException.class,
            () ->
                client.fetch(
                    FetchRequest.of(
                        URI.create("http://localhost:" + server.port() + "/go"), HTML)));
    assertEquals(FetchException.Reason.BLOCKED_ADDRESS, e.reason());
    assertEquals(1, server.hits("/go"));
  }

  @Test
  void redirectsAreFollowedUpToTheLimitAndLoopsStop() throws Exception {
    server.bytes(
        "/final", "text/html; charset=utf-8", "<p>done</p>".getBytes(StandardCharsets.UTF_8));
    server.route(
        "/a",
        ex -> {
          ex.getResponseHeaders().add("Location", "/final");
          ex.sendResponseHeaders(302, -1);
        });
    server.route(
        "/loop",
        ex -> {
          ex.getResponseHeaders().add("Location", "/loop2");
          ex.sendResponseHeaders(302, -1);
        });
    server.route(
        "/loop2",
        ex -> {
          ex.getResponseHeaders().add("Location", "/loop");
          ex.sendResponseHeaders(302, -1);
        });
    FetchResult ok =
        allowingLoopback().fetch(FetchRequest.of(URI.create(server.base() + "/a"), HTML));
    assertEquals(server.base() + "/final", ok.uri().toString());
    assertEquals("utf-8", ok.charset());
    assertEquals(
        FetchException.Reason.TOO_MANY_REDIRECTS,
        fails(allowingLoopback(), "/loop", HTML).reason());
  }

  @Test
  void anOversizeBodyStopsAtTheLimit() {
    server.bytes("/big", "text/html", new byte[300_000]);
    server.route(
        "/chunked",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/html");
          ex.sendResponseHeaders(200, 0); // chunked: no Content-Length to trust
          try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < 300; i++) {
              out.write(new byte[1000]);
            }
          }
        });
    FetchException declared = fails(allowingLoopback(), "/big", HTML);
    assertEquals(FetchException.Reason.TOO_LARGE, declared.reason());
    FetchException streamed = fails(allowingLoopback(), "/chunked", HTML);
    assertEquals(FetchException.Reason.TOO_LARGE, streamed.reason());
    assertTrue(
        streamed.getMessage().contains("newswire.fetcher.max-body-bytes=100000"),
        streamed.getMessage());
  }

  @Test
  void gzipAndDeflateBombsStopEarly() throws Exception {
    byte[] zeros = new byte[50_000_000];
    byte[] gzipBomb = TestServer.gzip(zeros);
    ByteArrayOutputStream deflated = new ByteArrayOutputStream();
    try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(9))) {
      out.write(zeros);
    }
    byte[] deflateBomb = deflated.toByteArray();
    assertTrue(gzipBomb.length < 100_000, "the bomb itself is small: " + gzipBomb.length);
    server.route(
        "/gz",
        ex -> {
          ex.getResponseHeaders().add("Content-Encoding", "gzip");
          TestServer.send(ex, 200, "text/html", gzipBomb);
        });
    server.route(
        "/deflate",
        ex -> {
          ex.getResponseHeaders().add("Content-Encoding", "deflate");
          TestServer.send(ex, 200, "text/html", deflateBomb);
        });
    FetchException gz = fails(allowingLoopback(), "/gz", HTML);
    assertEquals(FetchException.Reason.TOO_LARGE, gz.reason());
    assertTrue(gz.getMessage().contains("decoded"), gz.getMessage());
    assertEquals(
        FetchException.Reason.TOO_LARGE, fails(allowingLoopback(), "/deflate", HTML).reason());
  }

  @Test
  void gzipContentEncodingIsDecoded() throws Exception {
    byte[] page = "<p>compressed page</p>".getBytes(StandardCharsets.UTF_8);
    server.route(
        "/gz",
        ex -> {
          ex.getResponseHeaders().add("Content-Encoding", "gzip");
          TestServer.send(ex, 200, "text/html", TestServer.gzip(page));
        });
    assertArrayEquals(
        page,
        allowingLoopback().fetch(FetchRequest.of(URI.create(server.base() + "/gz"), HTML)).body());
  }

  @Test
  void aServerThatStallsMidBodyTimesOut() {
    server.route(
        "/slow",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/html");
          ex.sendResponseHeaders(200, 0);
          OutputStream out = ex.getResponseBody();
          out.write("<p>first bytes".getBytes(StandardCharsets.UTF_8));
          out.flush();
          try {
            Thread.sleep(5000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    SafeHttpClient client =
        client(
            Map.of(
                "newswire.fetcher.allow-private",
                "127.0.0.1/32",
                "newswire.fetcher.read-timeout",
                "300ms"));
    FetchException e = fails(client, "/slow", HTML);
    assertEquals(FetchException.Reason.TIMEOUT, e.reason());
    assertTrue(e.getMessage().contains("newswire.fetcher.read-timeout"), e.getMessage());
  }

  @Test
  void anInterruptedPollThreadStopsWaitingForASlowServer() throws Exception {
    // a blocking socket read ignores interrupts; the watchdog aborts the request instead, so a
    // source being closed (its host handed to another instance) does not wait for the server
    server.route(
        "/slow-headers",
        ex -> {
          try {
            Thread.sleep(10_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    SafeHttpClient client =
        client(
            Map.of(
                "newswire.fetcher.allow-private",
                "127.0.0.1/32",
                "newswire.fetcher.read-timeout",
                "30s"));
    java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread poller =
        new Thread(
            () -> {
              try {
                client.fetch(FetchRequest.of(URI.create(server.base() + "/slow-headers"), HTML));
              } catch (Throwable t) {
                failure.set(t);
              }
            });
    poller.start();
    TestSupport.await("the request to reach the server", () -> server.hits("/slow-headers") == 1);
    poller.interrupt();
    poller.join(5_000);
    assertTrue(!poller.isAlive(), "the fetch ended well before the server answered");
    FetchException e = (FetchException) failure.get();
    assertEquals(FetchException.Reason.NETWORK, e.reason());
    assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
  }

  @Test
  void anUnacceptedContentTypeIsRefused() {
    server.bytes("/img", "image/png", new byte[] {1, 2, 3});
    FetchException e = fails(allowingLoopback(), "/img", HTML);
    assertEquals(FetchException.Reason.CONTENT_TYPE, e.reason());
  }

  @Test
  void conditionalGetAnswers304AsNotModified() throws Exception {
    server.bytes("/page", "text/html", "<p>same</p>".getBytes(StandardCharsets.UTF_8));
    SafeHttpClient client = allowingLoopback();
    URI uri = URI.create(server.base() + "/page");
    FetchResult first = client.fetch(FetchRequest.of(uri, HTML));
    FetchResult second = client.fetch(new FetchRequest(uri, HTML, first.etag(), null));
    assertTrue(second.notModified());
  }
}
