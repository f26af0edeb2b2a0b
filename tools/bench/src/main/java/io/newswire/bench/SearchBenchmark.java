package io.newswire.bench;

import io.newswire.model.ApiKeyFile;
import io.newswire.model.CleanArticle;
import io.newswire.model.Json;
import io.newswire.model.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Search latency on a full index (issue 14: "search answers within 300 ms p95 on 10,000 indexed
 * articles"): the console's search page and the indexer's {@code /search}, side by side in the same
 * run with Elasticsearch's {@code _search} of the very body the indexer sends (the baseline), for a
 * fixed mix of analyst-style queries ({@link SearchQueries}). One Kafka broker, one Elasticsearch
 * node, the indexer and the console are started for the run; {@code docs} articles ({@link
 * SearchCorpus}) go through Kafka and the indexer into the index first.
 *
 * <pre>
 * ./newswire bench search [--docs N] [--rounds N] [--warmup N] [--console true|false] [--text DIR]
 *     [--seeds DIR] [--rules FILE]</pre>
 *
 * One client asks one request at a time, as an analyst at a screen does: {@code warmup} passes of
 * the mix on every target, not counted, then {@code rounds} passes, each query asked of every
 * target in turn, the order of the targets rotating from query to query. Writes {@code
 * tools/bench/target/bench/search.md}.
 */
public final class SearchBenchmark {
  /** The indexer's alias (its default), which the console's searches go through too. */
  static final String ALIAS = "newswire";

  private static final Duration INDEXED_WITHIN = Duration.ofMinutes(10);

  /** The command line: {@code ./newswire bench search --help} lists it. */
  @Command(
      name = "./newswire bench search",
      description =
          "10,000 articles indexed through Kafka; search latency of the console, the indexer and Elasticsearch")
  static final class Options {
    @Option(
        names = "--docs",
        paramLabel = "N",
        description = "articles to index (default: ${DEFAULT-VALUE})")
    int docs = 10_000;

    @Option(
        names = "--rounds",
        paramLabel = "N",
        description = "measured passes over the queries (default: ${DEFAULT-VALUE})")
    int rounds = 15;

    @Option(
        names = "--warmup",
        paramLabel = "N",
        description = "passes before measuring (default: ${DEFAULT-VALUE})")
    int warmup = 3;

    @Option(
        names = "--console",
        arity = "1",
        paramLabel = "true|false",
        description = "time the console pages too (default: ${DEFAULT-VALUE})")
    boolean console = true;

    @Option(
        names = "--text",
        paramLabel = "DIR",
        description = "plain-text reports the articles are made of (default: ${DEFAULT-VALUE})")
    Path text = Repo.eval().resolve("text");

    @Option(
        names = "--seeds",
        paramLabel = "DIR",
        description = "the seed reports, mixed in (default: ${DEFAULT-VALUE})")
    Path seeds = Repo.root().resolve("deploy/seed/reports");

    @Option(
        names = "--rules",
        paramLabel = "FILE",
        description = "rules, every 1,000th of which is a query (default: ${DEFAULT-VALUE})")
    Path rules = Repo.eval().resolve("rules-10k.txt");

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "show this help")
    boolean help;
  }

  private SearchBenchmark() {}

  public static void main(String[] argv) throws Exception {
    Options args = Args.parse(new Options(), argv);
    int docs = args.docs;
    int rounds = args.rounds;
    int warmups = args.warmup;
    boolean withConsole = args.console;
    Path text = args.text;
    Path seeds = args.seeds;
    Path rules = args.rules;
    Consumer<String> log = s -> System.err.println("[bench] " + s);

    SearchCorpus corpus = SearchCorpus.load(text, seeds);
    List<CleanArticle> articles = corpus.articles(docs);
    List<SearchQueries.Query> queries = SearchQueries.load(rules);
    log.accept(
        articles.size()
            + " articles from "
            + corpus.pages()
            + " cleaned pages, "
            + queries.size()
            + " queries; starting Elasticsearch, Kafka, the indexer"
            + (withConsole ? " and the console..." : "..."));
    Path work = Files.createTempDirectory("newswire-bench-search-");
    try {
      run(work, articles, corpus.pages(), queries, rounds, warmups, withConsole, log);
    } finally {
      deleteTree(work.resolve("kafka"));
      deleteTree(work.resolve("elasticsearch"));
    }
  }

  private static void run(
      Path work,
      List<CleanArticle> articles,
      int pages,
      List<SearchQueries.Query> queries,
      int rounds,
      int warmups,
      boolean withConsole,
      Consumer<String> log)
      throws Exception {
    String key = ApiKeyFile.add(work.resolve("api-keys"), "bench", ApiKeyFile.Role.READER);
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("newswire.auth.keys-file", work.resolve("api-keys").toString());
    properties.put("newswire.console.indexer-url", "http://127.0.0.1:{port:indexer}");
    List<String> names = withConsole ? List.of("indexer", "console") : List.of("indexer");
    try (BenchNode node = BenchNode.start(Repo.root(), work, "1g");
        BenchBroker broker = BenchBroker.start(Repo.root(), work);
        BenchServices services =
            BenchServices.start(
                Repo.root(),
                work,
                broker.bootstrapServers(),
                node.url(),
                names,
                properties,
                List.of());
        BenchKafka kafka = new BenchKafka(broker.bootstrapServers())) {
      EsHttp es = new EsHttp(node.url());
      double indexSeconds = index(articles, kafka, services, es, log);
      log.accept(
          String.format(
              Locale.ROOT,
              "%d articles searchable after %.1f s; preparing the queries...",
              articles.size(),
              indexSeconds));
      List<String> texts = queries.stream().map(SearchQueries.Query::text).toList();
      SearchTargets targets = new SearchTargets(node.url(), ALIAS, key, texts);
      List<SearchTargets.Target> list =
          new ArrayList<>(
              List.of(
                  targets.elasticsearch(),
                  targets.indexer("http://127.0.0.1:" + services.instance("indexer").port())));
      if (withConsole) {
        list.add(targets.console("http://127.0.0.1:" + services.instance("console").port()));
      }
      SearchReport.Samples samples = new SearchReport.Samples(list, queries);
      for (int pass = 1 - warmups; pass <= rounds; pass++) {
        log.accept(pass <= 0 ? "warm-up pass..." : "round " + pass + " of " + rounds + "...");
        for (int q = 0; q < queries.size(); q++) {
          for (int t = 0; t < list.size(); t++) {
            int target = (t + q + Math.max(0, pass)) % list.size();
            SearchTargets.Timed timed = list.get(target).run(q);
            if (pass > 0) {
              samples.add(target, q, timed);
            }
          }
        }
        services.checkAlive();
      }
      IndexStats index = IndexStats.of(es);
      Path file =
          SearchReport.write(
              samples, targets, articles, pages, index, indexSeconds, rounds, warmups);
      log.accept("report written to " + file + "; services' logs were in " + work.resolve("logs"));
    }
  }

  /**
   * Commits the articles to newswire.clean at once and waits until the indexer made every one
   * searchable.
   */
  private static double index(
      List<CleanArticle> articles,
      BenchKafka kafka,
      BenchServices services,
      EsHttp es,
      Consumer<String> log)
      throws Exception {
    kafka.produceUncommitted(
        articles.size(),
        i -> new ProducerRecord<>(Topics.CLEAN, articles.get(i).id(), Json.write(articles.get(i))));
    long start = System.nanoTime();
    kafka.commit();
    long seen = -1;
    long progressAt = start;
    while (true) {
      EsHttp.Reply reply = es.call("GET", "/" + ALIAS + "/_count", null);
      long count = reply.ok() ? reply.body().path("count").asLong() : -1;
      if (count >= articles.size()) {
        break;
      }
      long now = System.nanoTime();
      if (count != seen) {
        seen = count;
        progressAt = now;
      } else if (now - progressAt > Duration.ofMinutes(2).toNanos()
          || now - start > INDEXED_WITHIN.toNanos()) {
        throw new IllegalStateException(
            "the indexer stopped at "
                + count
                + " of "
                + articles.size()
                + " searchable articles; see its log under the work directory");
      }
      services.checkAlive();
      Thread.sleep(200);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    es.require("POST", "/" + ALIAS + "/_refresh", null);
    long count = es.require("GET", "/" + ALIAS + "/_count", null).path("count").asLong();
    if (count != articles.size()) {
      throw new IllegalStateException(
          ALIAS + " holds " + count + " articles, expected " + articles.size());
    }
    if (kafka.deadLetters() > 0) {
      throw new IllegalStateException(
          kafka.deadLetters() + " articles went to a DLQ instead of the index");
    }
    return seconds;
  }

  /** Size figures of the index, from Elasticsearch. */
  record IndexStats(long docs, long bytes, long segments) {
    static IndexStats of(EsHttp es) {
      var primaries =
          es.require("GET", "/" + ALIAS + "/_stats/docs,store,segments", null)
              .path("_all")
              .path("primaries");
      return new IndexStats(
          primaries.path("docs").path("count").asLong(),
          primaries.path("store").path("size_in_bytes").asLong(),
          primaries.path("segments").path("count").asLong());
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
