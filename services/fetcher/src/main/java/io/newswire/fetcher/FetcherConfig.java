package io.newswire.fetcher;

import io.newswire.fetcher.robots.RobotsPolicy;
import io.newswire.net.PrivateAddressPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of the fetcher, with its default. Each line says what happens when the limit is
 * exceeded or the setting's target fails.
 */
@ConfigMapping(prefix = "newswire.fetcher")
public interface FetcherConfig {

  /**
   * The human-edited YAML file listing the sources; re-read when it changes. If it is missing or
   * invalid, the error is logged and the sources already running keep running.
   */
  @WithDefault("config/sources.yaml")
  String sourcesFile();

  /** How often the sources file is checked for changes. */
  @WithDefault("2s")
  Duration sourcesReloadInterval();

  /**
   * Sent with every request; name your deployment and a contact. robots.txt rules are matched
   * against its first word.
   */
  @WithDefault("NewswireFetcher/0.1 (+https://github.com/newswire/newswire)")
  String userAgent();

  /**
   * Hosts or CIDR ranges that may be fetched although they resolve to loopback, private,
   * link-local, CGNAT, multicast or unique-local addresses. Empty by default: such a request or
   * redirect hop fails with reason {@code blocked-address} and the source continues.
   */
  Optional<List<String>> allowPrivate();

  /**
   * Largest body accepted, counted after decompression (and the largest watched file). A bigger
   * body stops being read at this size and fails with reason {@code too-large}; a bigger file goes
   * to the DLQ.
   */
  @WithDefault("10485760")
  long maxBodyBytes();

  /** Time to open a connection; exceeding it fails the request with reason {@code timeout}. */
  @WithDefault("5s")
  Duration connectTimeout();

  /**
   * Longest wait for response headers or for the next bytes of the body; exceeding it fails the
   * request with reason {@code timeout}.
   */
  @WithDefault("15s")
  Duration readTimeout();

  /**
   * Longest time one request may take in all; exceeding it fails it with reason {@code timeout}.
   */
  @WithDefault("60s")
  Duration totalTimeout();

  /**
   * Redirects followed per request, each hop re-checked; one more fails with {@code
   * too-many-redirects}.
   */
  @WithDefault("5")
  int maxRedirects();

  /**
   * Content types accepted for pages (feeds and sitemaps accept their own XML/JSON types). Another
   * type fails the page with reason {@code content-type}.
   */
  @WithDefault("text/html,application/xhtml+xml,text/plain")
  List<String> acceptedContentTypes();

  /**
   * Whether robots.txt is obeyed. {@code OBEY}: a disallowed URL is skipped with reason {@code
   * robots}.
   */
  @WithDefault("OBEY")
  RobotsPolicy robots();

  /** How long a host's robots.txt is cached before it is fetched again. */
  @WithDefault("1h")
  Duration robotsCacheTtl();

  /**
   * Hosts (scheme, host and port) whose robots.txt is kept. For one more, the expired ones are
   * dropped first, then the one used longest ago; a dropped host's robots.txt is fetched again on
   * its next visit.
   */
  @WithDefault("10000")
  int robotsCacheMaxHosts();

  /** Pause between two requests to one host when robots.txt sets no crawl-delay. */
  @WithDefault("1s")
  Duration defaultCrawlDelay();

  /** Largest robots.txt crawl-delay honoured; a longer one is cut to this value. */
  @WithDefault("30s")
  Duration maxCrawlDelay();

  /** Poll interval of a feed, sitemap or page source that sets none itself. */
  @WithDefault("15m")
  Duration pollInterval();

  /** Shortest interval a busy source is polled at, however often it has new items. */
  @WithDefault("1m")
  Duration pollIntervalFloor();

  /** Longest interval a quiet source backs off to. */
  @WithDefault("6h")
  Duration pollIntervalCeiling();

  /** Random spread of each poll interval, as a fraction (0.1 = plus or minus 10%). */
  @WithDefault("0.1")
  double pollJitter();

  /** Items fetched per poll of one source; the rest wait for the next poll. */
  @WithDefault("200")
  int maxItemsPerPoll();

  /**
   * URLs taken from one poll of a feed or sitemap (a sitemap index's children together), the newest
   * first: the sitemap protocol's own limit per file. A listing of more costs no more memory than
   * this; the rest are skipped and the source's status says how many (reason {@code capped}).
   */
  @WithDefault("50000")
  int maxListedUrls();

  /** Threads polling HTTP sources; politeness still allows one request in flight per host. */
  @WithDefault("4")
  int pollThreads();

  /**
   * The only folders (with what is under them) that a folder source may watch, besides the folders
   * the sources file names. A folder source added through the API or the CLI outside them is
   * refused (400, naming this setting); one that reaches the fetcher another way does not start,
   * and its status says why. Symbolic links are not followed out of a root; hidden files and
   * folders are never read.
   */
  @WithDefault("deploy/seed/reports")
  java.util.List<String> folderRoots();

  /** Safety-net rescan of watched folders, for events the OS watch service dropped. */
  @WithDefault("30s")
  Duration folderRescanInterval();

  /** A file is read once its size and modification time stayed the same for this long. */
  @WithDefault("150ms")
  Duration folderSettleTime();

  /**
   * Compacted topic holding the content hash of every emitted document, keyed by id, read fully at
   * start. If it cannot be read the fetcher does not start.
   */
  @WithDefault("newswire.fetcher.seen")
  String seenTopic();

  /**
   * Document ids whose seen-state is held in memory, as 64-bit fingerprints (about 24 bytes each,
   * 48 MB at the default). Past it the id recorded longest ago is forgotten: met again, its
   * document is emitted once more, which replaces the same document downstream and raises no second
   * alert ({@code InMemorySeenStore} says more, and what a fingerprint collision costs).
   */
  @WithDefault("2000000")
  int seenCapacity();

  /**
   * Compacted topic listing every source of the deployment, keyed by {@code <host>/<name>} and
   * partitioned by host; the sources file and {@code ./newswire sources add|remove} write to it.
   */
  @WithDefault("newswire.sources")
  String sourcesTopic();

  /**
   * Consumer group of the fetcher instances on {@code newswire.sources}: instances in one group
   * split the hosts between them (each host polled by one instance); an instance in another group
   * polls every source again.
   */
  @WithDefault("newswire-fetcher")
  String groupId();

  /**
   * How long an instance may go silent before the group gives its hosts to the others (a stopped
   * instance hands them over at once).
   */
  @WithDefault("15s")
  Duration groupSessionTimeout();

  /** Whether private addresses are checked at all; {@code REFUSE} is the safe default. */
  @WithDefault("REFUSE")
  PrivateAddressPolicy privateAddresses();
}
