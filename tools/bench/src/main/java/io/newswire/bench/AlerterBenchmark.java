package io.newswire.bench;

import io.newswire.model.CleanArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Alert matching with the standing rules: the alerter's Lucene Monitor ({@code RuleBook}) against
 * Elasticsearch's percolator holding the same rules, on the same cleaned eval articles, in one run
 * and in alternating rounds so both see the same machine. Also checks that both fire the same rules
 * on every article.
 *
 * <pre>./newswire bench alerter [--rules FILE] [--articles DIR] [--rounds N] [--batch N] [--es URL]
 * </pre>
 *
 * Without {@code --es} an Elasticsearch node is started for the run (full JIT, 1 GB heap). Writes
 * {@code tools/bench/target/bench/alerter.md}.
 */
public final class AlerterBenchmark {
  /** One measured configuration: throughput per round and per-article latencies over all rounds. */
  private static final class Series {
    final String name;
    final List<Double> rates = new ArrayList<>();
    final List<Double> latenciesMs = new ArrayList<>();

    Series(String name) {
      this.name = name;
    }

    double rate() {
      return Stats.median(rates.stream().mapToDouble(Double::doubleValue).toArray());
    }

    double latency(double q) {
      return Stats.quantile(latenciesMs.stream().mapToDouble(Double::doubleValue).toArray(), q);
    }
  }

  /** Matches a slice of articles, recording each article's latency. */
  private interface Matcher {
    void run(List<CleanArticle> articles, List<Double> latenciesMs);
  }

  /** The command line: {@code ./newswire bench alerter --help} lists it. */
  @Command(
      name = "./newswire bench alerter",
      description = "10,000 rules in Lucene Monitor against an Elasticsearch percolator")
  static final class Options {
    @Option(
        names = "--rules",
        paramLabel = "FILE",
        description = "the rules (default: ${DEFAULT-VALUE})")
    Path rules = Repo.eval().resolve("rules-10k.txt");

    @Option(
        names = "--articles",
        paramLabel = "DIR",
        description = "pages cleaned into the articles (default: ${DEFAULT-VALUE})")
    Path articles = Repo.eval().resolve("articles");

    @Option(
        names = "--rounds",
        paramLabel = "N",
        description = "measured rounds (default: ${DEFAULT-VALUE})")
    int rounds = 7;

    @Option(
        names = "--batch",
        paramLabel = "N",
        description =
            "articles per percolate request in the batched series (default: ${DEFAULT-VALUE})")
    int batch = 10;

    @Option(
        names = "--es",
        paramLabel = "URL",
        description = "an Elasticsearch to use instead of starting one (default: ${DEFAULT-VALUE})")
    String es = null;

    @Option(
        names = "--variants",
        paramLabel = "on|off",
        description =
            "match spelling variants (the alerter's default: on) (default: ${DEFAULT-VALUE})")
    String variants = "on";

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "show this help")
    boolean help;
  }

  private AlerterBenchmark() {}

  public static void main(String[] argv) throws Exception {
    Options args = Args.parse(new Options(), argv);
    Path rulesFile = args.rules;
    Path articlesDir = args.articles;
    int rounds = args.rounds;
    int batch = args.batch;
    String esUrl = args.es;

    List<Rules.Line> rules = Rules.read(rulesFile, Integer.MAX_VALUE, 1);
    EvalArticles.Loaded loaded = EvalArticles.load(articlesDir, Integer.MAX_VALUE);
    List<CleanArticle> articles = loaded.articles();
    Path work = Files.createTempDirectory("newswire-bench-");
    BenchNode node = esUrl == null ? BenchNode.start(Repo.root(), work, "1g") : null;
    try {
      EsHttp es = new EsHttp(esUrl != null ? esUrl : node.url());
      run(args, rules, rulesFile, articles, loaded.refused(), es, rounds, batch, esUrl == null);
    } finally {
      if (node != null) {
        node.close();
      }
    }
  }

  private static void run(
      Options args,
      List<Rules.Line> rules,
      Path rulesFile,
      List<CleanArticle> articles,
      int refusedPages,
      EsHttp es,
      int rounds,
      int batch,
      boolean ownNode)
      throws Exception {
    Consumer<String> log = s -> System.err.println("[bench] " + s);
    log.accept("loading " + rules.size() + " rules into the Monitor and the percolator...");
    long t0 = System.nanoTime();
    boolean variants = !"off".equals(args.variants);
    MonitorSide monitor = new MonitorSide(rules, variants);
    long t1 = System.nanoTime();
    PercolatorSide percolator = new PercolatorSide(es, "bench-percolator", rules, variants);
    long t2 = System.nanoTime();

    log.accept("agreement over " + articles.size() + " articles...");
    Agreement agreement = new Agreement();
    for (int from = 0; from < articles.size(); from += batch) {
      List<CleanArticle> slice = articles.subList(from, Math.min(articles.size(), from + batch));
      List<Set<String>> percolated = percolator.match(slice);
      for (int i = 0; i < slice.size(); i++) {
        agreement.compare(slice.get(i), monitor.match(slice.get(i)), percolated.get(i));
      }
    }

    Matcher monitorOne =
        (slice, lat) -> {
          for (CleanArticle a : slice) {
            long s = System.nanoTime();
            monitor.match(a);
            lat.add((System.nanoTime() - s) / 1e6);
          }
        };
    Matcher percolateOne =
        (slice, lat) -> {
          for (CleanArticle a : slice) {
            long s = System.nanoTime();
            percolator.match(List.of(a));
            lat.add((System.nanoTime() - s) / 1e6);
          }
        };
    Matcher percolateBatch =
        (slice, lat) -> {
          for (int from = 0; from < slice.size(); from += batch) {
            List<CleanArticle> part = slice.subList(from, Math.min(slice.size(), from + batch));
            long s = System.nanoTime();
            percolator.match(part);
            double ms = (System.nanoTime() - s) / 1e6;
            part.forEach(a -> lat.add(ms)); // an article waits for its whole batch
          }
        };
    Series m1 = new Series("Lucene Monitor (alerter RuleBook), 1 thread");
    Series m2 = new Series("Lucene Monitor (alerter RuleBook), 2 threads");
    Series p1 = new Series("ES percolator, 1 article/request, 1 client");
    Series p2 = new Series("ES percolator, 1 article/request, 2 clients");
    Series pb = new Series("ES percolator, " + batch + " articles/request, 2 clients");

    log.accept("warming up...");
    for (int i = 0; i < 5; i++) {
      measure(monitorOne, articles, 1, null);
    }
    measure(percolateOne, articles, 2, null);
    measure(percolateBatch, articles, 2, null);
    for (int r = 1; r <= rounds; r++) {
      log.accept("round " + r + " of " + rounds + "...");
      // the Monitor is ~10x faster: several passes per round give it a comparable measuring time
      measure(monitorOne, repeat(articles, 5), 1, m1);
      measure(monitorOne, repeat(articles, 5), 2, m2);
      measure(percolateOne, articles, 1, p1);
      measure(percolateOne, articles, 2, p2);
      measure(percolateBatch, articles, 2, pb);
    }
    monitor.close();

    Report report = new Report("Alerter benchmark: Lucene Monitor vs Elasticsearch percolator");
    report.format(
        "- rules: %d from %s; articles: %d eval pages cleaned by the extractor (%d refused)",
        rules.size(), rulesFile, articles.size(), refusedPages);
    report.format(
        "- Elasticsearch 7.10.2 %s; percolator index: 1 shard, rules as query_string over title, text and"
            + " the stemmed fields, default_operator AND, analysed as the index template does",
        ownNode ? "node started for this run (full JIT, 1 GB heap)" : "at " + es.baseUrl());
    report.format(
        "- spelling variants of names: %s (both sides)", variants ? "on" : "off (--variants off)");
    report.format(
        "- loading: Monitor %.1f s, percolator registration %.1f s",
        (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    report.format(
        "- %d rounds after warm-up, alternating the variants; rate is the median over rounds,"
            + " latency quantiles are over every article of every round",
        rounds);
    report.line("");
    report.line("| variant | articles/s (median) | p50 ms | p99 ms | articles/s per round |");
    report.line("|---|---:|---:|---:|---|");
    for (Series s : List.of(m1, m2, p1, p2, pb)) {
      List<String> perRound = new ArrayList<>();
      s.rates.forEach(r -> perRound.add(String.valueOf(Math.round(r))));
      report.format(
          "| %s | %.0f | %.2f | %.2f | %s |",
          s.name, s.rate(), s.latency(0.5), s.latency(0.99), String.join(", ", perRound));
    }
    report.line("");
    double bestPercolator = Math.max(p2.rate(), Math.max(p1.rate(), pb.rate()));
    // each round runs the variants back to back, so a per-round ratio sees one machine load; their
    // median holds up better than a ratio of medians when other processes share the cores
    double[] single = new double[rounds];
    double[] best = new double[rounds];
    double[] monitorBest = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      single[r] = m1.rates.get(r) / p1.rates.get(r);
      best[r] =
          m2.rates.get(r) / Math.max(p2.rates.get(r), Math.max(p1.rates.get(r), pb.rates.get(r)));
      monitorBest[r] = m2.rates.get(r);
    }
    report.format(
        "- ratio Monitor/percolator, 1 thread vs 1 client: **%.1f×** (ratio of medians; median of per-round"
            + " ratios %.1f×)",
        m1.rate() / p1.rate(), Stats.median(single));
    report.format(
        "- ratio Monitor (2 threads) / best percolator variant: **%.1f×** (ratio of medians, percolator"
            + " %.0f articles/s; median of per-round ratios %.1f×, min %.1f×)",
        m2.rate() / bestPercolator, bestPercolator, Stats.median(best), Stats.quantile(best, 0));
    report.format(
        "- p99 latency ratio percolator/Monitor (1 article/request, 1 client vs 1 thread): %.1f×",
        p1.latency(0.99) / m1.latency(0.99));
    report.format(
        "- targets (issue 5): ≥ 1,000 articles/s → %s (median round %.0f, best round %.0f); ≥ 5× percolator"
            + " → %s (median of per-round ratios)",
        m2.rate() >= 1000 ? "met" : "NOT met in the median round",
        m2.rate(),
        Stats.quantile(monitorBest, 1),
        Stats.median(best) >= 5 ? "met" : "NOT met");
    report.line("");
    report.line("## Agreement");
    report.format(
        "- rules rejected by the alerter's RuleQueryParser: %d; rejected by Elasticsearch: %d",
        monitor.rejected().size(), percolator.rejected().size());
    listRejected(report, "alerter", monitor.rejected());
    listRejected(report, "Elasticsearch", percolator.rejected());
    report.format(
        "- %d articles; (rule, article) matches on both sides: %d; only Monitor: %d; only percolator: %d;"
            + " articles with a difference: %d",
        agreement.articles(),
        agreement.agreedMatches(),
        agreement.onlyMonitor(),
        agreement.onlyPercolator(),
        agreement.differences().size());
    Map<String, String> queries = new java.util.HashMap<>();
    rules.forEach(r -> queries.put(r.id(), r.query()));
    for (Agreement.Difference d : agreement.differences()) {
      report.format(
          "  - article %s (%s): only Monitor %s; only percolator %s",
          d.articleId(),
          d.title(),
          describe(d.onlyMonitor(), queries),
          describe(d.onlyPercolator(), queries));
    }
    Path file = report.write(Repo.reportDir(), "alerter");
    log.accept("report written to " + file);
  }

  private static void listRejected(Report report, String side, Map<String, String> rejected) {
    rejected.entrySet().stream()
        .limit(20)
        .forEach(e -> report.format("  - %s rejects %s: %s", side, e.getKey(), e.getValue()));
    if (rejected.size() > 20) {
      report.format("  - ... and %d more", rejected.size() - 20);
    }
  }

  private static String describe(Set<String> ids, Map<String, String> queries) {
    List<String> out = new ArrayList<>();
    ids.forEach(id -> out.add(id + " `" + queries.get(id) + "`"));
    return out.isEmpty() ? "-" : String.join(", ", out);
  }

  private static List<CleanArticle> repeat(List<CleanArticle> articles, int times) {
    List<CleanArticle> out = new ArrayList<>(articles.size() * times);
    for (int i = 0; i < times; i++) {
      out.addAll(articles);
    }
    return out;
  }

  /**
   * Runs {@code threads} workers, each over its share of the articles; records articles/s into
   * {@code into}.
   */
  private static void measure(
      Matcher matcher, List<CleanArticle> articles, int threads, Series into) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<List<Double>> latencies = new ArrayList<>();
    List<Future<?>> done = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      List<CleanArticle> share = new ArrayList<>();
      for (int i = t; i < articles.size(); i += threads) {
        share.add(articles.get(i));
      }
      List<Double> lat = new ArrayList<>(share.size());
      latencies.add(lat);
      done.add(pool.submit(() -> matcher.run(share, lat)));
    }
    for (Future<?> f : done) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    if (into != null) {
      into.rates.add(articles.size() / seconds);
      latencies.forEach(into.latenciesMs::addAll);
    }
  }
}
