package io.newswire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.launcher.Pipeline;
import io.newswire.model.DocumentIds;
import io.newswire.model.Json;
import io.newswire.model.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Freshness, as a user sees it: a report dropped into a watched folder, then how long until it is
 * searchable and until its alert is published, p50 and p99 over {@code --reports} reports dropped
 * at {@code --rate} per second into a running pipeline (the four services on the embedded stack),
 * after {@code --warm-up} reports dropped the same way and not measured, since services that just
 * started are still compiling their hot paths. Targets (issue 5): p99 ≤ 2 s searchable, ≤ 1 s
 * alert. The report also splits the time by stage, from the timestamps the services write into each
 * article and alert.
 *
 * <p>{@code ./newswire bench freshness [--reports 200] [--warm-up 100] [--rate 10]}; the report
 * goes to {@code target/bench/freshness.md}, one line per report to {@code
 * target/bench/freshness.csv}.
 */
public final class FreshnessBenchmark {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** The command line: {@code ./newswire bench freshness --help} lists it. */
  @Command(
      name = "./newswire bench freshness",
      description = "seconds from a report dropped in a watched folder to searchable and alerted")
  static final class Options {
    @Option(
        names = "--reports",
        paramLabel = "N",
        description = "reports measured (default: ${DEFAULT-VALUE})")
    int reports = 200;

    @Option(
        names = "--warm-up",
        paramLabel = "N",
        description = "reports dropped before measuring (default: ${DEFAULT-VALUE})")
    int warmUp = 100;

    @Option(
        names = "--rate",
        paramLabel = "N",
        description = "reports dropped per second (default: ${DEFAULT-VALUE})")
    int rate = 10;

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "show this help")
    boolean help;
  }

  private FreshnessBenchmark() {}

  public static void main(String[] argv) throws Exception {
    Options args = Args.parse(new Options(), argv);
    int reports = args.reports;
    int warmUp = args.warmUp;
    double rate = args.rate;
    Path work = Files.createTempDirectory("newswire-freshness");
    Path watched = Files.createDirectories(work.resolve("reports"));
    Path sources = work.resolve("sources.yaml");
    Files.writeString(
        sources, "sources:\n  - name: bench\n    type: folder\n    path: " + watched + "\n");
    List<String> seeds = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("deploy/seed/reports"))) {
      for (Path f : files.sorted().toList()) {
        seeds.add(Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    try (Pipeline pipeline =
        Pipeline.start(
            new Pipeline.Options(
                work.resolve("data"), work, sources, Map.of(), List.of("-Xmx512m"), Map.of()),
            line -> System.out.println("  " + line))) {
      apiKey = pipeline.apiKey();
      post(
          pipeline.url(Service.ALERTER) + "/rules",
          "{\"id\":\"fresh\",\"name\":\"Russia\",\"query\":\"Russia\"}");
      Thread.sleep(1500);
      // a service that just started is still compiling its hot paths; a running one is not
      Round warm = null;
      if (warmUp > 0) {
        System.out.printf(
            Locale.ROOT, "  warm-up: %d reports at %.0f/s, not measured%n", warmUp, rate);
        warm = Round.run(pipeline, work, watched, seeds, "warm-", warmUp, rate);
      }
      System.out.printf(Locale.ROOT, "  measuring: %d reports at %.0f/s%n", reports, rate);
      Round measured = Round.run(pipeline, work, watched, seeds, "fresh-", reports, rate);
      String report =
          report(reports, rate, measured)
              + stages(measured.stamps)
              + (warm == null ? "" : warmUpLine(warm));
      System.out.println(report);
      Path out = Path.of("target/bench/freshness.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
      Path csv = out.resolveSibling("freshness.csv");
      Files.writeString(csv, measured.csv());
      System.out.println(
          "written to " + out.toAbsolutePath() + " (per report: " + csv.getFileName() + ")");
    }
  }

  /** One round of reports dropped at a steady rate, and when each reached each stage. */
  private static final class Round {
    final Map<String, Long> dropped = new ConcurrentHashMap<>();
    final Map<String, Long> searchable = new ConcurrentHashMap<>();
    final Map<String, Long> alerted = new ConcurrentHashMap<>();
    final Map<String, Stamps> stamps = new ConcurrentHashMap<>();
    final List<String> order = new ArrayList<>();

    static Round run(
        Pipeline pipeline,
        Path work,
        Path watched,
        List<String> seeds,
        String prefix,
        int reports,
        double rate)
        throws Exception {
      Round round = new Round();
      Thread watcher = new Thread(() -> watch(pipeline, round, reports), "freshness-watch");
      watcher.start();
      long interval = (long) (1_000_000_000L / rate);
      long next = System.nanoTime();
      for (int i = 0; i < reports; i++) {
        String name = prefix + i + ".txt";
        Path tmp = work.resolve(name);
        Files.writeString(tmp, seeds.get(i % seeds.size()), StandardCharsets.UTF_8);
        LockSupport.parkNanos(next - System.nanoTime());
        // an atomic move: the file appears whole, as a finished download or copy would
        Files.move(tmp, watched.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        String id = DocumentIds.forUrl("file:" + name);
        round.stamps.computeIfAbsent(id, k -> new Stamps()).dropped = System.currentTimeMillis();
        round.dropped.put(id, System.nanoTime());
        round.order.add(id);
        next += interval;
      }
      watcher.join(Duration.ofSeconds(120).toMillis());
      return round;
    }

    /**
     * One line per report in drop order: seconds from its drop to each stage, empty where not seen.
     */
    String csv() {
      StringBuilder out =
          new StringBuilder(
              "report,dropped_at,fetched,cleaned,matched,alert_seen,indexed,searchable\n");
      for (int i = 0; i < order.size(); i++) {
        Stamps s = stamps.get(order.get(i));
        out.append(i).append(',').append(Instant.ofEpochMilli(s.dropped));
        for (long at :
            new long[] {s.fetched, s.cleaned, s.matched, s.alertSeen, s.indexed, s.searchable}) {
          out.append(',')
              .append(at > 0 ? String.format(Locale.ROOT, "%.3f", (at - s.dropped) / 1e3) : "");
        }
        out.append('\n');
      }
      return out.toString();
    }
  }

  private static String warmUpLine(Round warm) {
    List<Double> toSearch = latencies(warm.dropped, warm.searchable);
    List<Double> toAlert = latencies(warm.dropped, warm.alerted);
    return String.format(
        Locale.ROOT,
        "%nWarm-up round before it (%d reports, services just started and still compiling): searchable p50 %.2f s "
            + "p99 %.2f s, alert p50 %.2f s p99 %.2f s.%n",
        warm.dropped.size(),
        pct(toSearch, 50),
        pct(toSearch, 99),
        pct(toAlert, 50),
        pct(toAlert, 99));
  }

  /**
   * Wall-clock milliseconds at which one report passed each stage, as the report's own fields tell
   * (fetchedAt, cleanedAt, indexedAt, the alert's matchedAt); -1 where not seen.
   */
  private static final class Stamps {
    volatile long dropped = -1;
    volatile long fetched = -1;
    volatile long cleaned = -1;
    volatile long indexed = -1;
    volatile long searchable = -1;
    volatile long matched = -1;
    volatile long alertSeen = -1;
  }

  private static void watch(Pipeline pipeline, Round round, int reports) {
    Map<String, Long> dropped = round.dropped;
    Map<String, Long> searchable = round.searchable;
    Map<String, Long> alerted = round.alerted;
    Map<String, Stamps> stamps = round.stamps;
    long after = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
    while (System.nanoTime() < deadline
        && (searchable.size() < reports || alerted.size() < reports)) {
      try {
        JsonNode alerts = get(pipeline.url(Service.ALERTER) + "/alerts?after=" + after);
        long now = System.nanoTime();
        for (JsonNode entry : alerts) {
          after = Math.max(after, entry.path("sequence").asLong());
          String article = entry.path("alert").path("articleId").asText();
          if (dropped.containsKey(article) && alerted.putIfAbsent(article, now) == null) {
            Stamps at = stamps.computeIfAbsent(article, k -> new Stamps());
            at.matched = millis(entry.path("alert").path("matchedAt"));
            at.alertSeen = System.currentTimeMillis();
          }
        }
        List<String> pending =
            dropped.keySet().stream().filter(id -> !searchable.containsKey(id)).toList();
        if (!pending.isEmpty()) {
          String body =
              "{\"size\":"
                  + pending.size()
                  + ",\"_source\":[\"fetchedAt\",\"cleanedAt\",\"indexedAt\"],\"query\":{\"ids\":{\"values\":"
                  + Json.mapper().writeValueAsString(pending)
                  + "}}}";
          JsonNode hits = post(pipeline.stack().elasticsearchUrl() + "/newswire/_search", body);
          now = System.nanoTime();
          long wall = System.currentTimeMillis();
          for (JsonNode hit : hits.path("hits").path("hits")) {
            String id = hit.path("_id").asText();
            if (searchable.putIfAbsent(id, now) == null) {
              Stamps at = stamps.computeIfAbsent(id, k -> new Stamps());
              JsonNode source = hit.path("_source");
              at.fetched = millis(source.path("fetchedAt"));
              at.cleaned = millis(source.path("cleanedAt"));
              at.indexed = millis(source.path("indexedAt"));
              at.searchable = wall;
            }
          }
        }
        Thread.sleep(20);
      } catch (Exception e) {
        // keep polling; a missing answer shows as a missing measurement
      }
    }
  }

  private static String report(int reports, double rate, Round round) {
    List<Double> toSearch = latencies(round.dropped, round.searchable);
    List<Double> toAlert = latencies(round.dropped, round.alerted);
    return String.format(
        Locale.ROOT,
        """
        # Freshness benchmark

        %s, %d cores, %d reports dropped at %.0f/s into a watched folder, all four services on the embedded stack.

        | from drop to | measured | p50 | p99 | max | target p99 |
        |---|---|---|---|---|---|
        | searchable | %d/%d | %.2f s | %.2f s | %.2f s | 2 s |
        | alert published | %d/%d | %.2f s | %.2f s | %.2f s | 1 s |
        """,
        LocalDateTime.now().withNano(0),
        Runtime.getRuntime().availableProcessors(),
        reports,
        rate,
        toSearch.size(),
        reports,
        pct(toSearch, 50),
        pct(toSearch, 99),
        pct(toSearch, 100),
        toAlert.size(),
        reports,
        pct(toAlert, 50),
        pct(toAlert, 99),
        pct(toAlert, 100));
  }

  /** Where the time goes: each hop's p50 and p99, from the timestamps the services wrote. */
  private static String stages(Map<String, Stamps> stamps) {
    record Hop(String name, ToLongFunction<Stamps> from, ToLongFunction<Stamps> to) {}
    List<Hop> hops =
        List.of(
            new Hop("drop → read by the fetcher (watch, settle)", s -> s.dropped, s -> s.fetched),
            new Hop(
                "read → cleaned (raw commit, cleaner poll, extraction)",
                s -> s.fetched,
                s -> s.cleaned),
            new Hop(
                "cleaned → matched (clean commit, alerter poll)", s -> s.cleaned, s -> s.matched),
            new Hop(
                "matched → alert seen (publish, this benchmark's poll)",
                s -> s.matched,
                s -> s.alertSeen),
            new Hop(
                "cleaned → bulk-indexed (clean commit, indexer poll)",
                s -> s.cleaned,
                s -> s.indexed),
            new Hop(
                "bulk-indexed → searchable (refresh, this benchmark's poll)",
                s -> s.indexed,
                s -> s.searchable));
    StringBuilder out = new StringBuilder("\n| stage | p50 | p99 |\n|---|---|---|\n");
    for (Hop hop : hops) {
      List<Double> spans = new ArrayList<>();
      for (Stamps s : stamps.values()) {
        long from = hop.from().applyAsLong(s);
        long to = hop.to().applyAsLong(s);
        if (from > 0 && to > 0) {
          spans.add((to - from) / 1e3);
        }
      }
      Collections.sort(spans);
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %.3f s | %.3f s |%n",
              hop.name(),
              pct(spans, 50),
              pct(spans, 99)));
    }
    return out.toString();
  }

  private static long millis(JsonNode instant) {
    if (!instant.isTextual()) {
      return -1;
    }
    try {
      return Instant.parse(instant.asText()).toEpochMilli();
    } catch (DateTimeParseException e) {
      return -1;
    }
  }

  private static List<Double> latencies(Map<String, Long> from, Map<String, Long> to) {
    List<Double> out = new ArrayList<>();
    to.forEach(
        (id, at) -> {
          Long start = from.get(id);
          if (start != null) {
            out.add((at - start) / 1e9);
          }
        });
    Collections.sort(out);
    return out;
  }

  private static double pct(List<Double> sorted, int p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  /** The pipeline's admin key, sent to the services (Elasticsearch ignores it). */
  private static volatile String apiKey = "";

  private static JsonNode get(String url) throws Exception {
    return Json.mapper()
        .readTree(
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + apiKey)
                        .build(),
                    HttpResponse.BodyHandlers.ofByteArray())
                .body());
  }

  private static JsonNode post(String url, String json) throws Exception {
    return Json.mapper()
        .readTree(
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + apiKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                    HttpResponse.BodyHandlers.ofByteArray())
                .body());
  }
}
