package io.newswire.fetcher.robots;

import crawlercommons.robots.BaseRobotRules;
import io.newswire.fetcher.http.FetchException;
import io.newswire.fetcher.http.FetchRequest;
import io.newswire.fetcher.http.FetchResult;
import io.newswire.fetcher.http.SafeHttpClient;
import java.time.Duration;

/**
 * What every source fetches through: robots.txt checked (and its crawl-delay applied, up to a cap),
 * one request in flight per host, then the safe client.
 */
public final class PoliteFetcher {
  private final SafeHttpClient http;
  private final RobotsCache robots;
  private final RobotsPolicy policy;
  private final HostGate gate = new HostGate();
  private final long defaultDelayMillis;
  private final long maxDelayMillis;

  public PoliteFetcher(
      SafeHttpClient http,
      RobotsCache robots,
      RobotsPolicy policy,
      Duration defaultDelay,
      Duration maxDelay) {
    this.http = http;
    this.robots = robots;
    this.policy = policy;
    this.defaultDelayMillis = defaultDelay.toMillis();
    this.maxDelayMillis = maxDelay.toMillis();
  }

  public SafeHttpClient http() {
    return http;
  }

  public BaseRobotRules robotsFor(java.net.URI uri) throws FetchException, InterruptedException {
    try (HostGate.Permit permit = gate.acquire(uri.getHost(), defaultDelayMillis)) {
      return robots.rulesFor(uri);
    }
  }

  public FetchResult fetch(FetchRequest request) throws FetchException, InterruptedException {
    String url = request.uri().toString();
    long delay = defaultDelayMillis;
    http.checkAddress(request.uri());
    if (policy == RobotsPolicy.OBEY) {
      BaseRobotRules rules = robotsFor(request.uri());
      if (rules.isDeferVisits()) {
        throw new FetchException(
            FetchException.Reason.NETWORK,
            "robots.txt of " + request.uri().getHost() + " is unavailable; host deferred");
      }
      if (!rules.isAllowed(url)) {
        throw new FetchException(
            FetchException.Reason.ROBOTS,
            url
                + " is disallowed by robots.txt for our user agent (newswire.fetcher.robots=IGNORE overrides)");
      }
      if (rules.getCrawlDelay() != BaseRobotRules.UNSET_CRAWL_DELAY && rules.getCrawlDelay() > 0) {
        delay = Math.min(rules.getCrawlDelay(), maxDelayMillis);
      }
    }
    try (HostGate.Permit permit = gate.acquire(request.uri().getHost(), delay)) {
      return http.fetch(request);
    }
  }
}
