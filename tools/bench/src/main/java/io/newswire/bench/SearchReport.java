package io.newswire.bench;

import io.newswire.model.CleanArticle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The latencies of the search benchmark and its report, {@code tools/bench/target/bench/search.md}.
 */
final class SearchReport {
  /** The target the issue sets: search answers within this p95. */
  static final double TARGET_P95_MILLIS = 300;

  /** The latencies of each target, each tagged with its query. */
  static final class Samples {
    private final List<SearchTargets.Target> targets;
    private final List<SearchQueries.Query> queries;
    private final List<List<double[]>> byTarget = new ArrayList<>();
    private final List<Double> took = new ArrayList<>();

    Samples(List<SearchTargets.Target> targets, List<SearchQueries.Query> queries) {
      this.targets = List.copyOf(targets);
      this.queries = List.copyOf(queries);
      targets.forEach(t -> byTarget.add(new ArrayList<>()));
    }

    void add(int target, int query, SearchTargets.Timed timed) {
      byTarget.get(target).add(new double[] {query, timed.millis()});
      if (timed.tookMillis() >= 0) {
        took.add((double) timed.tookMillis());
      }
    }

    /** Latencies of {@code target}, only of queries of {@code kind} when it is not null. */
    double[] millis(int target, String kind) {
      return byTarget.get(target).stream()
          .filter(s -> kind == null || queries.get((int) s[0]).kind().equals(kind))
          .mapToDouble(s -> s[1])
          .toArray();
    }
  }

  private SearchReport() {}

  static Path write(
      Samples samples,
      SearchTargets targets,
      List<CleanArticle> articles,
      int pages,
      SearchBenchmark.IndexStats index,
      double indexSeconds,
      int rounds,
      int warmups)
      throws IOException {
    Report report =
        new Report("Search benchmark: console and indexer /search vs Elasticsearch _search");
    Set<String> stories = new LinkedHashSet<>();
    Set<String> sources = new LinkedHashSet<>();
    long chars = 0;
    for (CleanArticle a : articles) {
      stories.add(a.storyId());
      sources.add(a.source());
      chars += a.text().length();
    }
    report.format(
        "- corpus: %,d articles made from %d cleaned pages (the plain-text eval pages and the seed reports,"
            + " mixed as SearchCorpus describes), %,d stories, %d sources, %.1f MB of text",
        articles.size(), pages, stories.size(), sources.size(), chars / 1e6);
    report.format(
        "- index `%s`: %,d documents, %.1f MB, %d segments, as the indexer left it after taking the articles"
            + " from newswire.clean in %.1f s (no force-merge)",
        SearchBenchmark.ALIAS, index.docs(), index.bytes() / 1e6, index.segments(), indexSeconds);
    report.line(
        "- Elasticsearch 7.10.2 node (full JIT, 1 GB heap), Kafka broker, indexer and console (512 MB heap"
            + " each), all started for this run on this machine");
    List<SearchQueries.Query> queries = samples.queries;
    Map<String, Integer> kinds = new LinkedHashMap<>();
    queries.forEach(q -> kinds.merge(q.kind(), 1, Integer::sum));
    double[] hits = new double[queries.size()];
    int empty = 0;
    for (int i = 0; i < queries.size(); i++) {
      hits[i] = targets.total(i);
      empty += targets.total(i) == 0 ? 1 : 0;
    }
    report.format(
        "- %d queries (%s), each asking the console's first page: %d hits by relevance, one per story,"
            + " names in their other spellings; median %.0f matching reports per query, %d find none",
        queries.size(), describe(kinds), SearchTargets.SIZE, Stats.median(hits), empty);
    report.format(
        "- one client, one request at a time; warm-up passes of the mix on every target, not counted: %d;"
            + " then %d rounds of every query on every target, the order of the targets rotating; latency from sending"
            + " the request to the last byte of the answer, over a kept-alive connection",
        warmups, rounds);
    report.line("");
    report.line(
        "| target | samples | p50 ms | p95 ms | p99 ms | max ms | mean ms | p95 / baseline p95 |");
    report.line("|---|---:|---:|---:|---:|---:|---:|---:|");
    double baseline = Stats.quantile(samples.millis(0, null), 0.95);
    for (int t = 0; t < samples.targets.size(); t++) {
      double[] all = samples.millis(t, null);
      double p95 = Stats.quantile(all, 0.95);
      report.format(
          "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f |",
          samples.targets.get(t).name(),
          all.length,
          Stats.quantile(all, 0.5),
          p95,
          Stats.quantile(all, 0.99),
          Stats.quantile(all, 1),
          mean(all),
          p95 / baseline);
    }
    report.line("");
    for (int t = 1; t < samples.targets.size(); t++) {
      double p95 = Stats.quantile(samples.millis(t, null), 0.95);
      report.format(
          "- %s: p95 %.1f ms, target ≤ %.0f ms: **%s**",
          samples.targets.get(t).name(),
          p95,
          TARGET_P95_MILLIS,
          p95 <= TARGET_P95_MILLIS ? "met" : "NOT met");
    }
    double[] took = samples.took.stream().mapToDouble(Double::doubleValue).toArray();
    report.format(
        "- Elasticsearch's own time for the baseline requests (`took`): p50 %.0f ms, p95 %.0f ms; the rest"
            + " of the baseline's latency is HTTP and moving the answer",
        Stats.quantile(took, 0.5), Stats.quantile(took, 0.95));
    report.line("");
    StringBuilder head = new StringBuilder("| kind | queries | median matches |");
    StringBuilder rule = new StringBuilder("|---|---:|---:|");
    for (SearchTargets.Target target : samples.targets) {
      head.append(" p95 ms, ").append(target.name()).append(" |");
      rule.append("---:|");
    }
    report.line(head.toString());
    report.line(rule.toString());
    for (Map.Entry<String, Integer> kind : kinds.entrySet()) {
      List<Double> matches = new ArrayList<>();
      for (int i = 0; i < queries.size(); i++) {
        if (queries.get(i).kind().equals(kind.getKey())) {
          matches.add((double) targets.total(i));
        }
      }
      StringBuilder row =
          new StringBuilder(
              String.format(
                  java.util.Locale.ROOT,
                  "| %s | %d | %.0f |",
                  kind.getKey(),
                  kind.getValue(),
                  Stats.median(matches.stream().mapToDouble(Double::doubleValue).toArray())));
      for (int t = 0; t < samples.targets.size(); t++) {
        row.append(
            String.format(
                java.util.Locale.ROOT,
                " %.1f |",
                Stats.quantile(samples.millis(t, kind.getKey()), 0.95)));
      }
      report.line(row.toString());
    }
    return report.write(Repo.reportDir(), "search");
  }

  private static String describe(Map<String, Integer> kinds) {
    List<String> out = new ArrayList<>();
    kinds.forEach(
        (kind, n) ->
            out.add(
                n
                    + " "
                    + switch (kind) {
                      case "name" -> "single names";
                      case "boolean" -> "AND/OR/NOT";
                      case "phrase" -> "phrases";
                      case "rule" -> "rules of rules-10k.txt, every 1,000th";
                      default -> kind;
                    }));
    return String.join(", ", out);
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return values.length == 0 ? Double.NaN : sum / values.length;
  }
}
