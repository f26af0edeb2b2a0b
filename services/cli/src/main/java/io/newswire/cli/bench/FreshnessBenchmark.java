package io.newswire.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.model.DocumentIds;
import io.newswire.model.Json;
import io.newswire.stack.Pipeline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Freshness, as a user sees it: a report dropped into a watched folder, then how long until it is
 * searchable and until its alert is published, p50 and p99 over {@code --reports} reports dropped
 * at {@code --rate} per second into a running pipeline (the four services on the embedded stack).
 * Targets (issue 5): p99 ≤ 2 s searchable, ≤ 1 s alert; Elasticsearch's 1 s refresh is the floor.
 *
 * <p>{@code ./newswire bench freshness [--reports 200] [--rate 10]}; the report goes to
 * {@code target/bench/freshness.md}.
 */
public final class FreshnessBenchmark {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private FreshnessBenchmark() {}

  public static void main(String[] args) throws Exception {
    int reports = intArg(args, "--reports", 200);
    double rate = intArg(args, "--rate", 10);
    Path work = Files.createTempDirectory("newswire-freshness");
    Path watched = Files.createDirectories(work.resolve("reports"));
    Path sources = work.resolve("sources.yaml");
    Files.writeString(sources, "sources:\n  - name: bench\n    type: folder\n    path: " + watched + "\n");
    List<String> seeds = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("deploy/seed/reports"))) {
      for (Path f : files.sorted().toList()) {
        seeds.add(Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    try (Pipeline pipeline = Pipeline.start(
        new Pipeline.Options(work.resolve("data"), work, sources, Map.of(), List.of("-Xmx512m"), Map.of()),
        line -> System.out.println("  " + line))) {
      post(pipeline.url("alerter") + "/rules", "{\"id\":\"fresh\",\"name\":\"Russia\",\"query\":\"Russia\"}");
      Thread.sleep(1500);
      warmUp(pipeline, watched, seeds.get(0));

      Map<String, Long> dropped = new ConcurrentHashMap<>();
      Map<String, Long> searchable = new ConcurrentHashMap<>();
      Map<String, Long> alerted = new ConcurrentHashMap<>();
      Thread watcher = new Thread(() -> watch(pipeline, dropped, searchable, alerted, reports), "freshness-watch");
      watcher.start();
      long interval = (long) (1_000_000_000L / rate);
      long next = System.nanoTime();
      for (int i = 0; i < reports; i++) {
        String name = "fresh-" + i + ".txt";
        Path tmp = work.resolve(name);
        Files.writeString(tmp, seeds.get(i % seeds.size()), StandardCharsets.UTF_8);
        while (System.nanoTime() < next) {
          Thread.onSpinWait();
        }
        // an atomic move: the file appears whole, as a finished download or copy would
        Files.move(tmp, watched.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        dropped.put(DocumentIds.forUrl("file:" + name), System.nanoTime());
        next += interval;
      }
      watcher.join(Duration.ofSeconds(120).toMillis());
      String report = report(reports, rate, dropped, searchable, alerted);
      System.out.println(report);
      Path out = Path.of("target/bench/freshness.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
      System.out.println("written to " + out.toAbsolutePath());
    }
  }

  /** The first report pays for class loading and JIT in every service; it is not measured. */
  private static void warmUp(Pipeline pipeline, Path watched, String text) throws Exception {
    Files.writeString(watched.resolve("warm-up.txt"), text);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline && count(pipeline) < 1) {
      Thread.sleep(100);
    }
  }

  private static void watch(Pipeline pipeline, Map<String, Long> dropped, Map<String, Long> searchable,
      Map<String, Long> alerted, int reports) {
    long after = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
    while (System.nanoTime() < deadline && (searchable.size() < reports || alerted.size() < reports)) {
      try {
        JsonNode alerts = get(pipeline.url("alerter") + "/alerts?after=" + after);
        long now = System.nanoTime();
        for (JsonNode entry : alerts) {
          after = Math.max(after, entry.path("sequence").asLong());
          String article = entry.path("alert").path("articleId").asText();
          if (dropped.containsKey(article)) {
            alerted.putIfAbsent(article, now);
          }
        }
        List<String> pending = dropped.keySet().stream().filter(id -> !searchable.containsKey(id)).toList();
        if (!pending.isEmpty()) {
          String body = "{\"size\":" + pending.size() + ",\"_source\":false,\"query\":{\"ids\":{\"values\":"
              + Json.mapper().writeValueAsString(pending) + "}}}";
          JsonNode hits = post(pipeline.stack().elasticsearchUrl() + "/newswire/_search", body);
          now = System.nanoTime();
          for (JsonNode hit : hits.path("hits").path("hits")) {
            searchable.putIfAbsent(hit.path("_id").asText(), now);
          }
        }
        Thread.sleep(20);
      } catch (Exception e) {
        // keep polling; a missing answer shows as a missing measurement
      }
    }
  }

  private static String report(int reports, double rate, Map<String, Long> dropped, Map<String, Long> searchable,
      Map<String, Long> alerted) {
    List<Double> toSearch = latencies(dropped, searchable);
    List<Double> toAlert = latencies(dropped, alerted);
    return String.format(Locale.ROOT, """
        # Freshness benchmark

        %s, %d cores, %d reports dropped at %.0f/s into a watched folder, all four services on the embedded stack.

        | from drop to | measured | p50 | p99 | max | target p99 |
        |---|---|---|---|---|---|
        | searchable | %d/%d | %.2f s | %.2f s | %.2f s | 2 s |
        | alert published | %d/%d | %.2f s | %.2f s | %.2f s | 1 s |
        """, LocalDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(), reports, rate,
        toSearch.size(), reports, pct(toSearch, 50), pct(toSearch, 99), pct(toSearch, 100),
        toAlert.size(), reports, pct(toAlert, 50), pct(toAlert, 99), pct(toAlert, 100));
  }

  private static List<Double> latencies(Map<String, Long> from, Map<String, Long> to) {
    List<Double> out = new ArrayList<>();
    to.forEach((id, at) -> {
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

  private static long count(Pipeline pipeline) throws Exception {
    return get(pipeline.stack().elasticsearchUrl() + "/newswire/_count").path("count").asLong();
  }

  private static JsonNode get(String url) throws Exception {
    return Json.mapper().readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofByteArray()).body());
  }

  private static JsonNode post(String url, String json) throws Exception {
    return Json.mapper().readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofByteArray()).body());
  }

  private static int intArg(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
