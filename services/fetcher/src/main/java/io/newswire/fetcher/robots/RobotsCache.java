package io.newswire.fetcher.robots;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.newswire.fetcher.http.FetchException;
import io.newswire.fetcher.http.FetchRequest;
import io.newswire.fetcher.http.FetchResult;
import io.newswire.fetcher.http.SafeHttpClient;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * robots.txt per host (scheme, host and port), parsed by crawler-commons and cached. A missing
 * robots.txt (4xx) allows everything; a server error or an unreachable host defers the host, as RFC
 * 9309 asks, and is retried after a short time.
 *
 * <p>At most {@code maxHosts} hosts are kept ({@code newswire.fetcher.robots-cache-max-hosts}), so
 * listings pointing at millions of hosts cost no more: when one more is needed, the expired entries
 * go first (looked for at most once a minute), then the host used longest ago. A dropped host's
 * robots.txt is fetched again on its next visit.
 */
public final class RobotsCache {
  private static final Logger LOG = Logger.getLogger(RobotsCache.class);
  private static final Duration FAILURE_TTL = Duration.ofMinutes(5);
  private static final long SWEEP_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

  /**
   * robots.txt bytes parsed, the rest ignored: RFC 9309's minimum parsing limit (section 2.5), as
   * Google parses. It also bounds what one cached host can hold.
   */
  static final int MAX_PARSED_BYTES = 500 * 1024;

  /** How robots.txt is fetched: through the safe client in the service, a stand-in in tests. */
  @FunctionalInterface
  interface Download {
    FetchResult get(FetchRequest request) throws FetchException;
  }

  private final Download download;
  private final Duration ttl;
  private final int maxHosts;
  private final List<String> agentNames;
  // crawler-commons turns a crawl-delay above its own maximum into "disallow all"; we cap instead
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 5);

  /** In access order, eldest first; guarded by itself. */
  private final LinkedHashMap<String, Entry> cache = new LinkedHashMap<>(16, 0.75f, true);

  private long nextSweepNanos = System.nanoTime();

  private record Entry(BaseRobotRules rules, long expiresNanos) {
    boolean expired(long now) {
      return now - expiresNanos >= 0;
    }
  }

  public RobotsCache(SafeHttpClient http, Duration ttl, int maxHosts) {
    this(http::fetch, http.userAgent(), ttl, maxHosts);
  }

  RobotsCache(Download download, String userAgent, Duration ttl, int maxHosts) {
    if (maxHosts < 1) {
      throw new IllegalArgumentException(
          "newswire.fetcher.robots-cache-max-hosts must be at least 1, was " + maxHosts);
    }
    this.download = download;
    this.ttl = ttl;
    this.maxHosts = maxHosts;
    String first = userAgent.split("[\\s/]")[0].toLowerCase(Locale.ROOT);
    this.agentNames = List.of(first);
  }

  /** The rules for {@code uri}'s host; the caller holds the host's turn while this fetches. */
  public BaseRobotRules rulesFor(URI uri) {
    String key = key(uri);
    Entry entry;
    synchronized (cache) {
      entry = cache.get(key);
    }
    if (entry != null && !entry.expired(System.nanoTime())) {
      return entry.rules();
    }
    URI robots = URI.create(key + "/robots.txt");
    BaseRobotRules rules;
    Duration keep = ttl;
    try {
      FetchResult result = download.get(FetchRequest.of(robots, List.of()));
      byte[] body = result.body();
      if (body.length > MAX_PARSED_BYTES) {
        body = Arrays.copyOf(body, MAX_PARSED_BYTES);
      }
      rules = parser.parseContent(robots.toString(), body, "text/plain", agentNames);
    } catch (FetchException e) {
      if (e.reason() == FetchException.Reason.HTTP_STATUS && e.getMessage().startsWith("HTTP 4")) {
        rules = parser.failedFetch(404);
      } else {
        LOG.warnf("robots.txt of %s unavailable, deferring the host: %s", key, e.getMessage());
        rules = parser.failedFetch(503);
        keep = FAILURE_TTL.compareTo(ttl) < 0 ? FAILURE_TTL : ttl;
      }
    }
    store(key, new Entry(rules, System.nanoTime() + keep.toNanos()));
    return rules;
  }

  /** Hosts cached now; at most {@code maxHosts}. */
  int size() {
    synchronized (cache) {
      return cache.size();
    }
  }

  private void store(String key, Entry entry) {
    synchronized (cache) {
      if (cache.size() >= maxHosts && !cache.containsKey(key)) {
        long now = System.nanoTime();
        if (now - nextSweepNanos >= 0) {
          cache.values().removeIf(e -> e.expired(now));
          nextSweepNanos = now + SWEEP_EVERY_NANOS;
        }
        for (Iterator<String> eldest = cache.keySet().iterator(); cache.size() >= maxHosts; ) {
          eldest.next();
          eldest.remove();
        }
      }
      cache.put(key, entry);
    }
  }

  static String key(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
    return scheme
        + "://"
        + uri.getHost().toLowerCase(Locale.ROOT)
        + (defaultPort ? "" : ":" + port);
  }
}
