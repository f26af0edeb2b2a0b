package io.newswire.fetcher.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.fetcher.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Content-Encoding br next to gzip and deflate; brotli data from the reference encoder
 * (brotli/README.md).
 */
class ContentEncodingTest {
  static final List<String> HTML = List.of("text/html");
  final TestServer server;

  ContentEncodingTest() throws Exception {
    server = new TestServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static byte[] resource(String name) {
    try (InputStream in = ContentEncodingTest.class.getResourceAsStream("/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void serve(String path, String encoding, byte[] body) {
    server.route(
        path,
        ex -> {
          ex.getResponseHeaders().add("Content-Encoding", encoding);
          TestServer.send(ex, 200, "text/html; charset=utf-8", body);
        });
  }

  FetchResult fetch(String path) throws FetchException {
    return SafeHttpClientTest.allowingLoopback()
        .fetch(FetchRequest.of(URI.create(server.base() + path), HTML));
  }

  FetchException fails(String path) {
    return assertThrows(FetchException.class, () -> fetch(path));
  }

  @Test
  void aBrotliBodyIsDecodedAndBrIsAskedFor() throws Exception {
    AtomicReference<String> acceptEncoding = new AtomicReference<>();
    byte[] compressed = resource("brotli/page.html.br");
    server.route(
        "/br",
        ex -> {
          acceptEncoding.set(ex.getRequestHeaders().getFirst("Accept-Encoding"));
          ex.getResponseHeaders().add("Content-Encoding", "br");
          TestServer.send(ex, 200, "text/html; charset=utf-8", compressed);
        });
    FetchResult result = fetch("/br");
    assertArrayEquals(resource("brotli/page.html"), result.body());
    assertTrue(new String(result.body(), StandardCharsets.UTF_8).contains("Минск"));
    assertEquals("gzip, deflate, br", acceptEncoding.get());
  }

  @Test
  void aBrotliBombStopsAtTheLimitInDecodedBytes() {
    byte[] bomb = resource("brotli/zeros-50mb.br"); // 40 bytes, 50,000,000 once decoded
    assertTrue(bomb.length < 100, "the bomb itself is tiny: " + bomb.length);
    serve("/bomb", "br", bomb);
    FetchException e = fails("/bomb");
    assertEquals(FetchException.Reason.TOO_LARGE, e.reason());
    assertTrue(e.getMessage().contains("max-body-bytes=100000 (decoded bytes"), e.getMessage());
  }

  @Test
  void bytesTheDecoderRefusesFailAsABrokenEncoding() {
    serve("/bad-br", "br", "this is not brotli at all, just text".getBytes(StandardCharsets.UTF_8));
    serve("/bad-gz", "gzip", "this is not gzip either".getBytes(StandardCharsets.UTF_8));
    FetchException br = fails("/bad-br");
    assertEquals(FetchException.Reason.ENCODING, br.reason(), br.getMessage());
    assertTrue(br.getMessage().contains("Content-Encoding br"), br.getMessage());
    assertEquals(FetchException.Reason.ENCODING, fails("/bad-gz").reason());
  }

  @Test
  void aConnectionCutMidBodyIsANetworkFailureToRetryNotABrokenEncoding() {
    byte[] br = resource("brotli/page.html.br");
    server.route(
        "/cut-br",
        ex -> {
          ex.getResponseHeaders().add("Content-Encoding", "br");
          ex.getResponseHeaders().add("Content-Type", "text/html");
          ex.sendResponseHeaders(200, br.length); // promises all, sends half, closes
          ex.getResponseBody().write(br, 0, br.length / 2);
          ex.getResponseBody().flush();
        });
    assertEquals(FetchException.Reason.NETWORK, fails("/cut-br").reason());
  }

  @Test
  void gzipDataThatEndsEarlyIsRetriedBrotliDataThatEndsEarlyIsBroken() {
    // a complete HTTP body holding half a compressed stream: gzip's decoder reports the early
    // end as such (EOFException), so it may still be a cut connection and is retried; this brotli
    // decoder pads the input with zeros and reports a bad symbol instead, indistinguishable
    // from corrupt data
    byte[] gz =
        TestServer.gzip(
            "<p>a page long enough to be cut in the middle of its deflate stream</p>"
                .getBytes(StandardCharsets.UTF_8));
    serve("/half-gz", "gzip", Arrays.copyOf(gz, gz.length / 2));
    byte[] br = resource("brotli/page.html.br");
    serve("/half-br", "br", Arrays.copyOf(br, br.length / 2));
    assertEquals(FetchException.Reason.NETWORK, fails("/half-gz").reason());
    assertEquals(FetchException.Reason.ENCODING, fails("/half-br").reason());
  }

  @Test
  void anUnknownEncodingNamesWhatWeAskFor() {
    serve("/zstd", "zstd", new byte[] {1, 2, 3});
    FetchException e = fails("/zstd");
    assertEquals(FetchException.Reason.ENCODING, e.reason());
    assertTrue(e.getMessage().contains("gzip, deflate, br"), e.getMessage());
  }
}
