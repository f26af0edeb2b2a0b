package io.newswire.fetcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/** A JDK HttpServer on loopback serving fixtures, with request counts per path. */
public final class TestServer implements AutoCloseable {
  public interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

  public TestServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
          Handler handler = routes.get(path);
          try {
            if (handler == null) {
              send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            } else {
              handler.handle(exchange);
            }
          } catch (IOException e) {
            // the client went away (a test of limits closes early)
          } finally {
            exchange.close();
          }
        });
    server.start();
  }

  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public TestServer route(String path, Handler handler) {
    routes.put(path, handler);
    return this;
  }

  /** Serves bytes with an ETag, answering 304 to a matching If-None-Match. */
  public TestServer bytes(String path, String contentType, byte[] body) {
    String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
    return route(
        path,
        ex -> {
          ex.getResponseHeaders().add("ETag", etag);
          if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
            return;
          }
          send(ex, 200, contentType, body);
        });
  }

  /** Serves a test resource, with {@code {{base}}} replaced by this server's address. */
  public TestServer fixture(String path, String contentType, String resource) {
    return bytes(
        path,
        contentType,
        fixture(resource).replace("{{base}}", base()).getBytes(StandardCharsets.UTF_8));
  }

  /** Serves the five seed reports as HTML pages under /reports/00N.html. */
  public TestServer seedReports() {
    String[] seeds = {
      "000_fd365139ecb07d38.txt",
      "001_d0c8aea6b99f999c.txt",
      "002_d2404225d53646e3.txt",
      "003_6140f8882c5450fe.txt",
      "004_39f97dcc2323362a.txt"
    };
    for (int i = 0; i < seeds.length; i++) {
      String text = fixture("seeds/" + seeds[i]);
      String html =
          "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Report "
              + i
              + "</title></head><body><article><pre>"
              + text.replace("&", "&amp;").replace("<", "&lt;")
              + "</pre></article></body></html>";
      bytes(
          "/reports/00" + i + ".html",
          "text/html; charset=utf-8",
          html.getBytes(StandardCharsets.UTF_8));
    }
    return this;
  }

  public int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  public static String fixture(String resource) {
    try (InputStream in = TestServer.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static void send(HttpExchange ex, int status, String contentType, byte[] body)
      throws IOException {
    if (contentType != null) {
      ex.getResponseHeaders().add("Content-Type", contentType);
    }
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
