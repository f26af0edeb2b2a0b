package io.newswire.bench.fetcher;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswire.bench.Args;
import io.newswire.fetcher.http.SafeHttpClient;
import io.newswire.fetcher.robots.PoliteFetcher;
import io.newswire.fetcher.robots.RobotsCache;
import io.newswire.fetcher.robots.RobotsPolicy;
import io.newswire.fetcher.source.DocumentSink;
import io.newswire.fetcher.source.ItemEmitter;
import io.newswire.fetcher.source.SourceMonitor;
import io.newswire.fetcher.source.feed.FeedPoller;
import io.newswire.fetcher.state.InMemorySeenStore;
import io.newswire.fetcher.state.SeenStore;
import io.newswire.model.RawDocument;
import io.newswire.net.AddressGuard;
import io.newswire.net.PrivateAddressPolicy;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One poll cycle of many feeds served locally, through the real classes (SafeHttpClient with its
 * address guard, RobotsCache, PoliteFetcher with per-host turns, FeedPoller, ItemEmitter, the
 * in-memory seen-state), then a second cycle in which every feed answers 304: the first costs a
 * feed and its pages per poll, the second only a conditional GET, so their ratio is the price of
 * the new items. Crawl delay 0 (else the wall time is the delay times the feeds per host).
 *
 * <pre>
 * ./newswire bench fetcher [--feeds 1000] [--items 10] [--hosts 50] [--threads 8] [--warmup 100]
 * </pre>
 *
 * The server runs in the same JVM: process CPU includes it, so CPU is also given per thread group.
 */
public final class FetcherBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private FetcherBenchmark() {}

  /** Counts what would go to Kafka. */
  static final class CountingSink implements DocumentSink {
    final AtomicLong documents = new AtomicLong();
    final AtomicLong chars = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    volatile String firstRejection;

    private final SeenStore seen = new InMemorySeenStore();

    @Override
    public SeenStore seen() {
      return seen;
    }

    @Override
    public void emit(RawDocument document, String hash) {
      documents.incrementAndGet();
      chars.addAndGet(document.body().length());
      seen.markSeen(document.id(), hash);
    }

    @Override
    public void reject(String key, byte[] value, String reason, Throwable error, String marker) {
      rejected.incrementAndGet();
      if (firstRejection == null) {
        firstRejection = reason;
      }
      if (marker != null) {
        seen.markSeen(key, marker);
      }
    }
  }

  /** What one cycle took. */
  record Cycle(
      String name,
      int polls,
      long wallNanos,
      long processCpuNanos,
      Map<String, Long> cpuByGroup,
      long documents,
      long ok,
      long notModified,
      long failures) {

    double pollsPerSecond() {
      return polls / (wallNanos / 1e9);
    }

    double cpuMsPerPoll(long nanos) {
      return nanos / 1e6 / polls;
    }
  }

  /** The command line: {@code ./newswire bench fetcher --help} lists it. */
  @Command(
      name = "./newswire bench fetcher",
      description =
          "one poll cycle of many local feeds through the real fetch path, then one of 304s")
  static final class Options {
    @Option(names = "--feeds", paramLabel = "N", description = "feeds (default: ${DEFAULT-VALUE})")
    int feeds = 1000;

    @Option(
        names = "--items",
        paramLabel = "N",
        description = "items per feed (default: ${DEFAULT-VALUE})")
    int items = 10;

    @Option(
        names = "--hosts",
        paramLabel = "N",
        description = "loopback hosts the feeds are spread over (default: ${DEFAULT-VALUE})")
    int hosts = 50;

    @Option(
        names = "--threads",
        paramLabel = "N",
        description = "poll threads (default: ${DEFAULT-VALUE})")
    int threads = 8;

    @Option(
        names = "--warmup",
        paramLabel = "N",
        description = "feeds polled before measuring (default: ${DEFAULT-VALUE})")
    int warmup = 100;

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "show this help")
    boolean help;
  }

  public static void main(String[] argv) throws Exception {
    Options opt = Args.parse(new Options(), argv);
    int feeds = opt.feeds;
    int items = opt.items;
    int hosts = opt.hosts;
    int threads = opt.threads;
    int warmup = opt.warmup;
    if (THREADS.isThreadCpuTimeSupported()) {
      THREADS.setThreadCpuTimeEnabled(true);
    }
    try (BenchServer server = new BenchServer(hosts, items, 4)) {
      List<String> bases = server.bases();
      CountingSink sink = new CountingSink();
      SourceMonitor monitor = new SourceMonitor(new SimpleMeterRegistry());
      SafeHttpClient http =
          new SafeHttpClient(
              new AddressGuard(
                  PrivateAddressPolicy.REFUSE,
                  List.of("127.0.0.0/8"),
                  "newswire.fetcher.allow-private"),
              "NewswireFetcher/0.1 (+bench)",
              10 * 1024 * 1024,
              Duration.ofSeconds(5),
              Duration.ofSeconds(15),
              Duration.ofSeconds(60),
              5);
      PoliteFetcher fetcher =
          new PoliteFetcher(
              http,
              new RobotsCache(http, Duration.ofHours(1), 10_000),
              RobotsPolicy.OBEY,
              Duration.ZERO,
              Duration.ofSeconds(30));
      ItemEmitter emitter =
          new ItemEmitter(
              fetcher,
              List.of("text/html", "application/xhtml+xml", "text/plain"),
              sink,
              monitor,
              50_000);
      AtomicInteger n = new AtomicInteger();
      ExecutorService pool =
          Executors.newFixedThreadPool(
              threads,
              r -> {
                Thread t = new Thread(r, "poll-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      try {
        if (warmup > 0) {
          List<FeedPoller> warm = pollers("warmup", warmup, bases, fetcher, emitter);
          runCycle("warm-up", warm, pool, sink, server);
          runCycle("warm-up 304", warm, pool, sink, server);
        }
        List<FeedPoller> pollers = pollers("f", feeds, bases, fetcher, emitter);
        long docsBefore = sink.documents.get();
        Cycle first = runCycle("1: new items", pollers, pool, sink, server);
        Cycle second = runCycle("2: all 304", pollers, pool, sink, server);
        String problems = check(first, second, feeds, items, sink, docsBefore);
        String report =
            report(
                first,
                second,
                feeds,
                items,
                bases.size(),
                hosts,
                threads,
                warmup,
                server.bindProblem(),
                problems);
        Path out =
            Path.of(
                System.getProperty("newswire.root", "."), "tools/bench/target/bench/fetcher.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.print(report);
        System.out.println("(written to " + out.toAbsolutePath().normalize() + ")");
        if (problems != null) {
          System.exit(1);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static List<FeedPoller> pollers(
      String prefix, int count, List<String> bases, PoliteFetcher fetcher, ItemEmitter emitter) {
    List<FeedPoller> pollers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      URI uri = URI.create(bases.get(i % bases.size()) + "/feeds/" + prefix + i + ".rss");
      pollers.add(new FeedPoller("bench-" + prefix + i, uri, fetcher, emitter, 200));
    }
    return pollers;
  }

  private static Cycle runCycle(
      String name,
      List<FeedPoller> pollers,
      ExecutorService pool,
      CountingSink sink,
      BenchServer server)
      throws Exception {
    long docs0 = sink.documents.get();
    long ok0 = server.ok.get();
    long nm0 = server.notModified.get();
    Map<Long, Long> threadCpu0 = threadCpu();
    long cpu0 = processCpu();
    long t0 = System.nanoTime();
    List<Future<Integer>> futures = new ArrayList<>(pollers.size());
    for (FeedPoller poller : pollers) {
      futures.add(pool.submit(poller::poll));
    }
    long failures = 0;
    for (Future<Integer> f : futures) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        failures++;
        if (failures == 1) {
          System.err.println("a poll failed: " + e.getCause());
        }
      }
    }
    long wall = System.nanoTime() - t0;
    long cpu = processCpu() - cpu0;
    Map<String, Long> groups = cpuByGroup(threadCpu0, threadCpu(), cpu);
    return new Cycle(
        name,
        pollers.size(),
        wall,
        cpu,
        groups,
        sink.documents.get() - docs0,
        server.ok.get() - ok0,
        server.notModified.get() - nm0,
        failures);
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static Map<Long, Long> threadCpu() {
    Map<Long, Long> out = new HashMap<>();
    for (long id : THREADS.getAllThreadIds()) {
      long t = THREADS.getThreadCpuTime(id);
      if (t >= 0) {
        out.put(id, t);
      }
    }
    return out;
  }

  /**
   * CPU by thread group: poll threads (fetching, parsing, emitting), the server's, and the rest
   * (GC, JIT).
   */
  private static Map<String, Long> cpuByGroup(
      Map<Long, Long> before, Map<Long, Long> after, long processCpu) {
    Map<String, Long> groups = new java.util.LinkedHashMap<>();
    for (String g : List.of("poll threads", "bench server")) {
      groups.put(g, 0L);
    }
    long named = 0;
    for (Map.Entry<Long, Long> e : after.entrySet()) {
      var info = THREADS.getThreadInfo(e.getKey());
      if (info == null) {
        continue;
      }
      String name = info.getThreadName();
      // the classic HTTP client does its I/O on the calling (poll) thread
      String group =
          name.startsWith("poll-")
              ? "poll threads"
              : name.startsWith("bench-server-") || name.startsWith("HTTP-Dispatcher")
                  ? "bench server"
                  : null;
      if (group == null) {
        continue;
      }
      long used = e.getValue() - before.getOrDefault(e.getKey(), 0L);
      groups.merge(group, used, Long::sum);
      named += used;
    }
    groups.put("rest (GC, JIT, watchdog, exited threads)", Math.max(0, processCpu - named));
    return groups;
  }

  private static String check(
      Cycle first, Cycle second, int feeds, int items, CountingSink sink, long docsBefore) {
    List<String> problems = new ArrayList<>();
    if (first.documents() != (long) feeds * items) {
      problems.add(
          "cycle 1 emitted " + first.documents() + " documents, expected " + (long) feeds * items);
    }
    if (second.documents() != 0) {
      problems.add("cycle 2 emitted " + second.documents() + " documents, expected 0");
    }
    if (second.notModified() != feeds) {
      problems.add("cycle 2 got " + second.notModified() + " 304s, expected " + feeds);
    }
    if (first.failures() + second.failures() + sink.rejected.get() > 0) {
      problems.add(
          (first.failures() + second.failures())
              + " failed poll(s), "
              + sink.rejected.get()
              + " rejected page(s)"
              + (sink.firstRejection == null ? "" : ", first: " + sink.firstRejection));
    }
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  private static String report(
      Cycle first,
      Cycle second,
      int feeds,
      int items,
      int hostsBound,
      int hostsAsked,
      int threads,
      int warmup,
      String bindProblem,
      String problems) {
    StringBuilder r = new StringBuilder();
    var os = ManagementFactory.getOperatingSystemMXBean();
    r.append("# Fetcher benchmark: one poll cycle of ").append(feeds).append(" feeds\n\n");
    r.append(
        String.format(
            Locale.ROOT,
            "%d feeds x %d items, served by one in-process JDK HttpServer on %d loopback host(s) (127.0.0.1...); %d poll threads;"
                + " crawl delay 0, robots.txt obeyed (one fetch per host), one request in flight per host.%n",
            feeds,
            items,
            hostsBound,
            threads));
    if (bindProblem != null) {
      r.append("Asked for ")
          .append(hostsAsked)
          .append(" hosts: ")
          .append(bindProblem)
          .append(".\n");
    }
    r.append(
        String.format(
            Locale.ROOT,
            "Machine: %d cores, load average %.2f before the run, Java %s. Warm-up: %d other feeds polled twice first (not counted).%n%n",
            Runtime.getRuntime().availableProcessors(),
            os.getSystemLoadAverage(),
            System.getProperty("java.version"),
            warmup));
    r.append(
        "| cycle | wall s | polls/s | HTTP 200 / 304 | documents | process CPU ms/poll | of which poll threads | bench server | rest (GC, JIT) |\n");
    r.append("|---|---|---|---|---|---|---|---|---|\n");
    for (Cycle c : List.of(first, second)) {
      List<Long> g = new ArrayList<>(c.cpuByGroup().values());
      r.append(
          String.format(
              Locale.ROOT,
              "| %s | %.2f | %.0f | %d / %d | %d | %.2f | %.2f | %.2f | %.2f |%n",
              c.name(),
              c.wallNanos() / 1e9,
              c.pollsPerSecond(),
              c.ok(),
              c.notModified(),
              c.documents(),
              c.cpuMsPerPoll(c.processCpuNanos()),
              c.cpuMsPerPoll(g.get(0)),
              c.cpuMsPerPoll(g.get(1)),
              c.cpuMsPerPoll(g.get(2))));
    }
    r.append(
        String.format(
            Locale.ROOT,
            "%nRatio cycle 1 / cycle 2 (new items vs all unchanged): wall %.1fx, process CPU per poll %.1fx"
                + " (a cycle-1 poll makes %d requests, a cycle-2 poll one).%n",
            (double) first.wallNanos() / second.wallNanos(),
            (double) first.processCpuNanos() / second.processCpuNanos(),
            items + 1));
    r.append(
        String.format(
            Locale.ROOT,
            "Fetcher-side CPU per poll in cycle 1 (process minus bench server): %.2f ms, i.e. about %.0f polls/s per core.%n",
            first.cpuMsPerPoll(first.processCpuNanos() - first.cpuByGroup().get("bench server")),
            1000
                / first.cpuMsPerPoll(
                    first.processCpuNanos() - first.cpuByGroup().get("bench server"))));
    r.append(
        problems == null
            ? "Checks: every item emitted once in cycle 1, nothing in cycle 2, every feed answered 304, no failure.\n"
            : "CHECKS FAILED: " + problems + "\n");
    return r.toString();
  }
}
