package io.newswire.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.indexer.BulkOutcome;
import io.newswire.indexer.BulkWriter;
import io.newswire.indexer.Elastic;
import io.newswire.indexer.IndexSetup;
import io.newswire.model.CleanArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Bulk indexing: the indexer's {@link BulkWriter} (external versions, per-item results, over the
 * low-level REST client) against raw {@code _bulk} requests with plain index actions over {@code
 * java.net.http}, same documents, same batch size, same index template, each variant in its own
 * index, alternating which goes first in each round.
 *
 * <pre>./newswire bench indexer [--docs N] [--batch N] [--rounds N] [--articles DIR] [--es URL]
 * </pre>
 *
 * The raw variant's request bodies are serialised before its clock starts, so it is the ceiling:
 * Elasticsearch's own indexing cost. Writes {@code tools/bench/target/bench/indexer.md}.
 */
public final class IndexerBenchmark {
  private static final int WARMUP_ROUNDS = 3;

  /** The command line: {@code ./newswire bench indexer --help} lists it. */
  @Command(
      name = "./newswire bench indexer",
      description = "the indexer's BulkWriter against raw _bulk, same documents")
  static final class Options {
    @Option(
        names = "--docs",
        paramLabel = "N",
        description = "documents per round (default: ${DEFAULT-VALUE})")
    int docs = 5000;

    @Option(
        names = "--batch",
        paramLabel = "N",
        description = "documents per bulk request (default: ${DEFAULT-VALUE})")
    int batch = 500;

    @Option(
        names = "--rounds",
        paramLabel = "N",
        description = "measured rounds (default: ${DEFAULT-VALUE})")
    int rounds = 6;

    @Option(
        names = "--articles",
        paramLabel = "DIR",
        description = "pages cleaned into the documents (default: ${DEFAULT-VALUE})")
    Path articles = Repo.eval().resolve("articles");

    @Option(
        names = "--es",
        paramLabel = "URL",
        description = "an Elasticsearch to use instead of starting one (default: ${DEFAULT-VALUE})")
    String es = null;

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "show this help")
    boolean help;
  }

  private IndexerBenchmark() {}

  public static void main(String[] argv) throws Exception {
    Options args = Args.parse(new Options(), argv);
    int docs = args.docs;
    int batch = args.batch;
    int rounds = args.rounds;
    Path articlesDir = args.articles;
    String esUrl = args.es;

    EvalArticles.Loaded loaded = EvalArticles.load(articlesDir, Integer.MAX_VALUE);
    List<CleanArticle> articles = EvalArticles.repeated(loaded.articles(), docs);
    Path work = Files.createTempDirectory("newswire-bench-");
    BenchNode node = esUrl == null ? BenchNode.start(Repo.root(), work, "1g") : null;
    String url = esUrl != null ? esUrl : node.url();
    try (RestClient rest = RestClient.builder(HttpHost.create(url)).build()) {
      run(
          new Elastic(rest),
          new EsHttp(url),
          articles,
          loaded.articles().size(),
          batch,
          rounds,
          esUrl == null);
    } finally {
      if (node != null) {
        node.close();
      }
    }
  }

  private static void run(
      Elastic elastic,
      EsHttp raw,
      List<CleanArticle> articles,
      int distinct,
      int batch,
      int rounds,
      boolean ownNode)
      throws Exception {
    Consumer<String> log = s -> System.err.println("[bench] " + s);
    long bytes = 0;
    List<String> rawBodies = rawBodies(articles, batch);
    for (String body : rawBodies) {
      bytes += body.length();
    }
    List<Double> writerRates = new ArrayList<>();
    List<Double> rawRates = new ArrayList<>();
    // the first rounds warm both paths up (JIT on both sides, Elasticsearch's caches) and are not
    // counted
    for (int r = 1 - WARMUP_ROUNDS; r <= rounds; r++) {
      log.accept(r <= 0 ? "warm-up round..." : "round " + r + " of " + rounds + "...");
      boolean writerFirst = r % 2 == 0;
      for (int side = 0; side < 2; side++) {
        if ((side == 0) == writerFirst) {
          double rate = viaBulkWriter(elastic, raw, articles, batch, r);
          if (r > 0) {
            writerRates.add(rate);
          }
        } else {
          double rate = viaRawBulk(elastic, raw, rawBodies, articles.size(), r);
          if (r > 0) {
            rawRates.add(rate);
          }
        }
      }
    }
    double writer = Stats.median(writerRates.stream().mapToDouble(Double::doubleValue).toArray());
    double ceiling = Stats.median(rawRates.stream().mapToDouble(Double::doubleValue).toArray());

    Report report = new Report("Indexer benchmark: BulkWriter vs raw _bulk");
    report.format(
        "- documents: %d CleanArticles (%d cleaned eval pages repeated with distinct ids), %.1f MB of"
            + " bulk bodies; batch %d",
        articles.size(), distinct, bytes / 1e6, batch);
    report.format(
        "- Elasticsearch 7.10.2 %s; index template deploy/elasticsearch/newswire-template.json via"
            + " IndexSetup.ensure, one fresh index per variant and round",
        ownNode ? "node started for this run (full JIT, 1 GB heap)" : "at " + raw.baseUrl());
    report.format(
        "- %d rounds after %d warm-up rounds, alternating which variant goes first; figures are medians;"
            + " every round checks that the index holds exactly %d documents",
        rounds, WARMUP_ROUNDS, articles.size());
    report.line("");
    report.line("| variant | docs/s (median) | per round |");
    report.line("|---|---:|---|");
    report.format(
        "| indexer BulkWriter + Elastic (RestClient), index actions with external versions | %.0f | %s |",
        writer, rates(writerRates));
    report.format(
        "| raw _bulk over java.net.http, plain index actions, bodies prepared in advance | %.0f | %s |",
        ceiling, rates(rawRates));
    report.line("");
    double[] paired = new double[writerRates.size()];
    for (int i = 0; i < paired.length; i++) {
      paired[i] = writerRates.get(i) / rawRates.get(i);
    }
    report.format(
        "- ratio BulkWriter/raw: **%.2f** (target ≥ 0.8: %s); median of the per-round ratios %.2f"
            + " (min %.2f, max %.2f)",
        writer / ceiling,
        writer / ceiling >= 0.8 ? "met" : "NOT met",
        Stats.median(paired),
        Stats.quantile(paired, 0),
        Stats.quantile(paired, 1));
    Path file = report.write(Repo.reportDir(), "indexer");
    log.accept("report written to " + file);
  }

  private static double viaBulkWriter(
      Elastic elastic, EsHttp raw, List<CleanArticle> articles, int batch, int round)
      throws Exception {
    String alias = "bench-writer-" + (round + WARMUP_ROUNDS);
    String index = "newswire-v900-writer-" + (round + WARMUP_ROUNDS);
    IndexSetup.ensure(elastic, alias, index);
    long start = System.nanoTime();
    for (int from = 0; from < articles.size(); from += batch) {
      List<BulkOutcome> outcomes =
          new BulkWriter(elastic, alias)
              .write(articles.subList(from, Math.min(articles.size(), from + batch)));
      for (BulkOutcome o : outcomes) {
        if (o.kind() != BulkOutcome.Kind.INDEXED) {
          throw new IllegalStateException("BulkWriter: an article was not indexed: " + o);
        }
      }
    }
    double rate = articles.size() / ((System.nanoTime() - start) / 1e9);
    finish(raw, index, articles.size());
    return rate;
  }

  private static double viaRawBulk(
      Elastic elastic, EsHttp raw, List<String> bodies, int docs, int round) throws Exception {
    String alias = "bench-raw-" + (round + WARMUP_ROUNDS);
    String index = "newswire-v900-raw-" + (round + WARMUP_ROUNDS);
    IndexSetup.ensure(elastic, alias, index);
    String path = "/" + index + "/_bulk";
    long start = System.nanoTime();
    for (String body : bodies) {
      var reply = raw.require("POST", path, body);
      if (reply.path("errors").asBoolean(true)) {
        throw new IllegalStateException(
            "raw _bulk: some items failed: " + reply.toString().substring(0, 500));
      }
    }
    double rate = docs / ((System.nanoTime() - start) / 1e9);
    finish(raw, index, docs);
    return rate;
  }

  /** Checks the document count, then drops the index so each round starts alike. */
  private static void finish(EsHttp raw, String index, int expected) {
    raw.require("POST", "/" + index + "/_refresh", null);
    long count = raw.require("GET", "/" + index + "/_count", null).path("count").asLong();
    if (count != expected) {
      throw new IllegalStateException(
          index + " holds " + count + " documents, expected " + expected);
    }
    raw.require("DELETE", "/" + index, null);
  }

  /**
   * The same documents BulkWriter sends ({@link BulkWriter#document}: the article's JSON with
   * indexedAt, its stemmed field and its names' keys), as plain index actions, so that
   * Elasticsearch does the same work for both variants.
   */
  static List<String> rawBodies(List<CleanArticle> articles, int batch) {
    List<String> bodies = new ArrayList<>();
    Instant now = Instant.now();
    for (int from = 0; from < articles.size(); from += batch) {
      StringBuilder body = new StringBuilder();
      for (CleanArticle a : articles.subList(from, Math.min(articles.size(), from + batch))) {
        ObjectNode doc = BulkWriter.document(a, now);
        body.append("{\"index\":{\"_id\":\"")
            .append(a.id())
            .append("\"}}\n")
            .append(doc)
            .append('\n');
      }
      bodies.add(body.toString());
    }
    return bodies;
  }

  private static String rates(List<Double> rates) {
    List<String> out = new ArrayList<>();
    rates.forEach(r -> out.add(String.valueOf(Math.round(r))));
    return String.join(", ", out);
  }
}
