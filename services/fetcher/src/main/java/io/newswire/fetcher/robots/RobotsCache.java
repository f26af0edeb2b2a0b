package io.newswire.fetcher.robots;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.newswire.fetcher.http.FetchException;
import io.newswire.fetcher.http.FetchRequest;
import io.newswire.fetcher.http.FetchResult;
import io.newswire.fetcher.http.SafeHttpClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * robots.txt per host (scheme, host and port), parsed by crawler-commons and cached. A missing
 * robots.txt (4xx) allows everything; a server error or an unreachable host defers the host, as
 * RFC 9309 asks, and is retried after a short time.
 */
public final class RobotsCache {
  private static final Logger LOG = Logger.getLogger(RobotsCache.class);
  private static final Duration FAILURE_TTL = Duration.ofMinutes(5);

  private final SafeHttpClient http;
  private final Duration ttl;
  private final List<String> agentNames;
  // crawler-commons turns a crawl-delay above its own maximum into "disallow all"; we cap instead
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 5);
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  private record Entry(BaseRobotRules rules, long expiresNanos) {}

  public RobotsCache(SafeHttpClient http, Duration ttl) {
    this.http = http;
    this.ttl = ttl;
    String first = http.userAgent().split("[\\s/]")[0].toLowerCase(Locale.ROOT);
    this.agentNames = List.of(first);
  }

  /** The rules for {@code uri}'s host; the caller holds the host's turn while this fetches. */
  public BaseRobotRules rulesFor(URI uri) {
    String key = key(uri);
    Entry entry = cache.get(key);
    if (entry != null && System.nanoTime() - entry.expiresNanos() < 0) {
      return entry.rules();
    }
    URI robots = URI.create(key + "/robots.txt");
    BaseRobotRules rules;
    Duration keep = ttl;
    try {
      FetchResult result = http.fetch(FetchRequest.of(robots, List.of()));
      rules = parser.parseContent(robots.toString(), result.body(), "text/plain", agentNames);
    } catch (FetchException e) {
      if (e.reason() == FetchException.Reason.HTTP_STATUS && e.getMessage().startsWith("HTTP 4")) {
        rules = parser.failedFetch(404);
      } else {
        LOG.warnf("robots.txt of %s unavailable, deferring the host: %s", key, e.getMessage());
        rules = parser.failedFetch(503);
        keep = FAILURE_TTL.compareTo(ttl) < 0 ? FAILURE_TTL : ttl;
      }
    }
    cache.put(key, new Entry(rules, System.nanoTime() + keep.toNanos()));
    return rules;
  }

  static String key(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }
}
