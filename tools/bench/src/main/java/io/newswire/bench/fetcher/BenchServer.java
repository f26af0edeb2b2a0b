package io.newswire.bench.fetcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's web: feeds {@code /feeds/<n>.rss} of {@code items} items each, whose pages {@code
 * /feeds/<n>/<i>.html} are served too, and a robots.txt allowing everything, generated on the fly.
 * Feeds answer a matching If-None-Match with 304. One JDK HttpServer listener per loopback address
 * 127.0.0.1, 127.0.0.2, ... (the whole 127/8 reaches the loopback interface on Linux), all sharing
 * one handler and one worker pool: one server, several hosts, so per-host politeness applies as it
 * would across real sites, without binding the wildcard address.
 */
final class BenchServer implements AutoCloseable {
  private static final String PARAGRAPH =
      "<p>Officials in Minsk and Moscow signed a further set of integration programmes on Friday, covering customs, "
          + "energy pricing and the harmonisation of tax rules, while opposition figures in exile warned that the "
          + "agreements deepen the country's dependence on its eastern neighbour.</p>\n";

  private final List<HttpServer> servers = new ArrayList<>();
  private final List<String> bases = new ArrayList<>();
  private final ExecutorService workers;
  private final int items;
  private final String bindProblem;
  final AtomicLong ok = new AtomicLong();
  final AtomicLong notModified = new AtomicLong();
  final AtomicLong bytes = new AtomicLong();

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm
    // and the client's delayed ACK stall every response with a body by ~40 ms on Linux, which
    // would measure the server, not the fetcher. Read once, when the server classes load.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /**
   * Binds up to {@code hosts} loopback addresses; fewer if the system refuses (see {@link
   * #bindProblem()}).
   */
  BenchServer(int hosts, int items, int threads) throws IOException {
    this.items = items;
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "bench-server-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    String problem = null;
    for (int h = 0; h < hosts; h++) {
      InetAddress address =
          InetAddress.getByAddress(new byte[] {127, 0, (byte) (h / 254), (byte) (h % 254 + 1)});
      HttpServer server;
      try {
        server = HttpServer.create(new InetSocketAddress(address, 0), 1024);
      } catch (IOException e) {
        if (h == 0) {
          throw e;
        }
        problem =
            "could not bind "
                + address.getHostAddress()
                + " ("
                + e.getMessage()
                + "); using "
                + h
                + " host(s)";
        break;
      }
      server.setExecutor(workers);
      server.createContext("/", this::handle);
      server.start();
      servers.add(server);
      bases.add("http://" + address.getHostAddress() + ":" + server.getAddress().getPort());
    }
    this.bindProblem = problem;
  }

  List<String> bases() {
    return bases;
  }

  /** Why fewer hosts than asked were bound, or null. */
  String bindProblem() {
    return bindProblem;
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      String path = ex.getRequestURI().getPath();
      String base = "http://" + ex.getRequestHeaders().getFirst("Host");
      if (path.equals("/robots.txt")) {
        send(ex, "text/plain", "User-agent: *\nDisallow: /private/\n");
      } else if (path.startsWith("/feeds/") && path.endsWith(".rss")) {
        String feed = path.substring("/feeds/".length(), path.length() - ".rss".length());
        String etag = "\"" + feed + "-v1\"";
        ex.getResponseHeaders().add("ETag", etag);
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
          notModified.incrementAndGet();
          ex.sendResponseHeaders(304, -1);
        } else {
          send(ex, "application/rss+xml; charset=utf-8", rss(base, feed));
        }
      } else if (path.startsWith("/feeds/") && path.endsWith(".html")) {
        send(ex, "text/html; charset=utf-8", page(path));
      } else {
        ex.sendResponseHeaders(404, -1);
      }
    } finally {
      ex.close();
    }
  }

  private String rss(String base, String feed) {
    StringBuilder out = new StringBuilder(4096);
    out.append(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Feed ")
        .append(feed)
        .append("</title><link>")
        .append(base)
        .append("/</link><description>bench</description>\n");
    for (int i = 0; i < items; i++) {
      String link = base + "/feeds/" + feed + "/" + i + ".html";
      out.append("<item><title>Report ")
          .append(i)
          .append(" of feed ")
          .append(feed)
          .append("</title><link>")
          .append(link)
          .append("?utm_source=rss</link><guid>")
          .append(link)
          .append("</guid><pubDate>Mon, 03 Apr 2023 ")
          .append(String.format("%02d", i % 24))
          .append(":00:00 GMT</pubDate><author>desk@example.org (Desk)</author>")
          .append("<description>A short summary of report ")
          .append(i)
          .append(".</description></item>\n");
    }
    return out.append("</channel></rss>\n").toString();
  }

  private static String page(String path) {
    StringBuilder out = new StringBuilder(8192);
    out.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
        .append(path)
        .append("</title></head><body><nav><a href=\"/\">Home</a></nav><main><article><h1>")
        .append(path)
        .append("</h1>\n");
    for (int i = 0; i < 12; i++) {
      out.append(PARAGRAPH);
    }
    return out.append("</article></main></body></html>\n").toString();
  }

  private void send(HttpExchange ex, String contentType, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", contentType);
    ex.sendResponseHeaders(200, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
    ok.incrementAndGet();
    bytes.addAndGet(b.length);
  }

  @Override
  public void close() {
    for (HttpServer server : servers) {
      server.stop(0);
    }
    workers.shutdownNow();
  }
}
