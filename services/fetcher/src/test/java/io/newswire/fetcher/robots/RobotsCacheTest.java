package io.newswire.fetcher.robots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.fetcher.http.FetchResult;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RobotsCacheTest {
  final Map<String, AtomicInteger> downloads = new ConcurrentHashMap<>();

  RobotsCache cache(Duration ttl, int maxHosts) {
    return new RobotsCache(
        request -> {
          downloads
              .computeIfAbsent(request.uri().getHost(), h -> new AtomicInteger())
              .incrementAndGet();
          return new FetchResult(
              request.uri(), 200, false, "text/plain", null, new byte[0], null, null); // allows all
        },
        "NewswireFetcher/0.1",
        ttl,
        maxHosts);
  }

  /**
   * Issue 12: listings pointing at a million hosts leave no more than the configured hosts cached.
   */
  @Test
  void aMillionHostsLeaveAtMostTheMaximumCached() {
    RobotsCache cache = cache(Duration.ofHours(1), 10_000);
    for (int i = 0; i < 1_000_000; i++) {
      URI page = URI.create("https://host-" + i + ".example/report");
      assertTrue(cache.rulesFor(page).isAllowed(page.toString()));
      assertTrue(cache.size() <= 10_000);
    }
    assertEquals(10_000, cache.size());
  }

  @Test
  void theHostUsedLongestAgoGoesAndOneInUseStays() {
    RobotsCache cache = cache(Duration.ofHours(1), 100);
    URI busy = URI.create("https://busy.example/");
    for (int i = 0; i < 1_000; i++) {
      cache.rulesFor(busy);
      cache.rulesFor(URI.create("https://host-" + i + ".example/"));
    }
    assertEquals(
        1, downloads.get("busy.example").get(), "robots.txt of a host in use is not fetched again");
    cache.rulesFor(URI.create("https://host-0.example/"));
    assertEquals(
        2,
        downloads.get("host-0.example").get(),
        "a host dropped is fetched again on its next visit");
  }

  @Test
  void expiredHostsGoFirst() {
    RobotsCache cache = cache(Duration.ZERO, 3);
    for (String host : new String[] {"a", "b", "c", "d"}) {
      cache.rulesFor(URI.create("https://" + host + ".example/"));
    }
    assertEquals(1, cache.size(), "a, b and c had expired: all three made room for d");
  }
}
