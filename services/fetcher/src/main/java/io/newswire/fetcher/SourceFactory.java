package io.newswire.fetcher;

import io.newswire.fetcher.http.SafeHttpClient;
import io.newswire.fetcher.robots.PoliteFetcher;
import io.newswire.fetcher.robots.RobotsCache;
import io.newswire.fetcher.source.DocumentSink;
import io.newswire.fetcher.source.ItemEmitter;
import io.newswire.fetcher.source.PollSchedule;
import io.newswire.fetcher.source.PolledSource;
import io.newswire.fetcher.source.Poller;
import io.newswire.fetcher.source.RunningSource;
import io.newswire.fetcher.source.SourceDefinition;
import io.newswire.fetcher.source.SourceMonitor;
import io.newswire.fetcher.source.feed.FeedPoller;
import io.newswire.fetcher.source.feed.SitePoller;
import io.newswire.fetcher.source.folder.FolderFiles;
import io.newswire.fetcher.source.folder.FolderRoots;
import io.newswire.fetcher.source.folder.FolderSource;
import io.newswire.fetcher.source.page.PagePoller;
import io.newswire.fetcher.source.sitemap.SitemapPoller;
import io.newswire.net.AddressGuard;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds the running form of each configured source. Plain Java: unit tests use it too. */
public final class SourceFactory implements AutoCloseable {
  private final FetcherConfig config;
  private final DocumentSink sink;
  private final SourceMonitor monitor;
  private final PoliteFetcher fetcher;
  private final ItemEmitter emitter;
  private final ScheduledExecutorService pollThreads;
  private final FolderRoots folderRoots;

  public SourceFactory(FetcherConfig config, DocumentSink sink, SourceMonitor monitor) {
    this.config = config;
    this.sink = sink;
    this.monitor = monitor;
    this.folderRoots = new FolderRoots(config.folderRoots(), Path.of(config.sourcesFile()));
    SafeHttpClient http = httpClient(config);
    this.fetcher =
        new PoliteFetcher(
            http,
            new RobotsCache(http, config.robotsCacheTtl(), config.robotsCacheMaxHosts()),
            config.robots(),
            config.defaultCrawlDelay(),
            config.maxCrawlDelay());
    this.emitter =
        new ItemEmitter(
            fetcher, config.acceptedContentTypes(), sink, monitor, config.maxListedUrls());
    AtomicInteger n = new AtomicInteger();
    this.pollThreads =
        Executors.newScheduledThreadPool(
            config.pollThreads(),
            r -> {
              Thread t = new Thread(r, "poll-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  public RunningSource create(SourceDefinition d) {
    switch (d.type()) {
      case FOLDER:
        Path root = Path.of(d.path()).toAbsolutePath().normalize();
        FolderFiles files = new FolderFiles(d.name(), root, config.maxBodyBytes(), sink, monitor);
        FolderSource folder =
            new FolderSource(
                d.name(), root, files, config.folderSettleTime(), config.folderRescanInterval());
        return new RunningSource() {
          @Override
          public void start() throws Exception {
            try {
              folderRoots.check(d.path());
            } catch (IllegalArgumentException e) {
              monitor.failed(d.name(), "outside-folder-roots", e.getMessage());
              throw e;
            }
            folder.start();
          }

          @Override
          public void close() {
            folder.close();
          }
        };
      default:
        return new PolledSource(d.name(), poller(d), schedule(d), pollThreads, monitor);
    }
  }

  private Poller poller(SourceDefinition d) {
    URI uri = URI.create(d.url().strip());
    int max = config.maxItemsPerPoll();
    return switch (d.type()) {
      case FEED -> new FeedPoller(d.name(), uri, fetcher, emitter, max);
      case SITEMAP -> SitemapPoller.of(d.name(), uri, fetcher, emitter, max);
      case PAGE ->
          new PagePoller(d.name(), uri, fetcher, emitter, config.acceptedContentTypes(), max);
      case SITE -> new SitePoller(d.name(), uri, fetcher, emitter, max);
      case FOLDER -> throw new IllegalArgumentException("folder sources are not polled");
    };
  }

  private PollSchedule schedule(SourceDefinition d) {
    Duration start = d.interval() != null ? d.interval() : config.pollInterval();
    return new PollSchedule(
        start, config.pollIntervalFloor(), config.pollIntervalCeiling(), config.pollJitter());
  }

  /** Where folder sources may read. */
  public FolderRoots folderRoots() {
    return folderRoots;
  }

  public ItemEmitter emitter() {
    return emitter;
  }

  public PoliteFetcher fetcher() {
    return fetcher;
  }

  @Override
  public void close() {
    pollThreads.shutdownNow();
  }

  /**
   * The fetcher's HTTP client, from its settings: the package {@code http} knows nothing of them.
   */
  public static SafeHttpClient httpClient(FetcherConfig config) {
    return new SafeHttpClient(
        new AddressGuard(
            config.privateAddresses(),
            config.allowPrivate().orElse(List.of()),
            "newswire.fetcher.allow-private"),
        config.userAgent(),
        config.maxBodyBytes(),
        config.connectTimeout(),
        config.readTimeout(),
        config.totalTimeout(),
        config.maxRedirects());
  }
}
