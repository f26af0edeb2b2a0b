package io.newswire.fetcher.scale;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * News sites on loopback: one HTTP server per address 127.0.0.N (Linux routes all of 127/8 to
 * loopback), each with an RSS feed of articles that a test can add to. Records which user agent
 * asked for each article, so a test can tell which fetcher instance served which host.
 */
final class HostFarm implements AutoCloseable {

  /** One site. */
  static final class Site {
    final String host;
    final HttpServer server;
    final List<Integer> articles = new ArrayList<>();
    final Map<String, Set<String>> agentsByPath = new ConcurrentHashMap<>();
    volatile long pageDelayMillis;

    Site(String host) throws IOException {
      this.host = host;
      this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), 0), 0);
      server.setExecutor(Executors.newFixedThreadPool(2));
      server.createContext("/", this::handle);
      server.start();
    }

    String base() {
      return "http://" + host + ":" + server.getAddress().getPort();
    }

    String feedUrl() {
      return base() + "/feed.xml";
    }

    synchronized void publish(int count) {
      for (int i = 0; i < count; i++) {
        articles.add(articles.size() + 1);
      }
    }

    /** The user agents that fetched any article of this site. */
    Set<String> articleAgents() {
      Set<String> agents = ConcurrentHashMap.newKeySet();
      agentsByPath.forEach(
          (path, set) -> {
            if (path.startsWith("/news/")) {
              agents.addAll(set);
            }
          });
      return agents;
    }

    private void handle(HttpExchange exchange) throws IOException {
      String path = exchange.getRequestURI().getPath();
      String agent = exchange.getRequestHeaders().getFirst("User-Agent");
      agentsByPath
          .computeIfAbsent(path, p -> ConcurrentHashMap.newKeySet())
          .add(agent == null ? "" : agent);
      try {
        if (path.equals("/feed.xml")) {
          send(exchange, 200, "application/rss+xml", feed());
        } else if (path.startsWith("/news/")) {
          if (pageDelayMillis > 0) {
            Thread.sleep(pageDelayMillis);
          }
          String n = path.substring("/news/".length());
          send(
              exchange,
              200,
              "text/html; charset=utf-8",
              "<html><head><title>Report "
                  + n
                  + " from "
                  + host
                  + "</title></head><body><article><h1>Report "
                  + n
                  + "</h1><p>Analysts at "
                  + host
                  + " published report number "
                  + n
                  + " on the regional situation, with figures and sources.</p></article></body></html>");
        } else {
          send(exchange, 404, "text/plain", "not found");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        exchange.close();
      }
    }

    private synchronized String feed() {
      StringBuilder xml =
          new StringBuilder(
              "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>"
                  + host
                  + "</title><link>"
                  + base()
                  + "/</link>");
      for (int n : articles) {
        xml.append("<item><title>Report ")
            .append(n)
            .append("</title><link>")
            .append(base())
            .append("/news/")
            .append(n)
            .append("</link></item>");
      }
      return xml.append("</channel></rss>").toString();
    }

    private static void send(HttpExchange exchange, int status, String type, String body)
        throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  final List<Site> sites = new ArrayList<>();

  Site add(String host) throws IOException {
    Site site = new Site(host);
    sites.add(site);
    return site;
  }

  @Override
  public void close() {
    sites.forEach(s -> s.server.stop(0));
  }
}
