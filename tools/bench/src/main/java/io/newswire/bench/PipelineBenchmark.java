package io.newswire.bench;

import io.newswire.indexer.Elastic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * End-to-end throughput: documents per second from {@code newswire.raw} to searchable through the
 * real cleaner and indexer services, side by side in the same run with raw {@code _bulk} indexing
 * of the same cleaned documents (the ceiling), and the indexer alone ({@code newswire.clean} to
 * searchable) in between, on one Kafka broker and one Elasticsearch node started for the run.
 *
 * <pre>./newswire bench pipeline [--docs N] [--rounds N] [--warmup N] [--batch N] [--cleaners N]
 *     [--articles DIR] [--seeds DIR] [--properties key=value,...] [--jvm-args "OPTION ..."]</pre>
 *
 * {@code warmup} warm-up rounds (the services' JIT takes a few thousand pages to settle), then
 * {@code rounds} rounds, each side once per round in a rotating order. Writes {@code
 * tools/bench/target/bench/pipeline.md}.
 *
 * <p>{@code --properties} passes settings to the services (e.g. {@code
 * newswire.cleaner.max-poll-records=500}) to measure a change before making it a default; {@code
 * --jvm-args} adds JVM options to them, e.g. {@code
 * -XX:StartFlightRecording=filename=/tmp/{name}.jfr,dumponexit=true} to profile them ({@code
 * {name}} becomes {@code cleaner-1}, {@code indexer}).
 */
public final class PipelineBenchmark {
  private static final List<List<String>> ORDERS =
      List.of(
          List.of("bulk", "pipeline", "indexer"),
          List.of("pipeline", "indexer", "bulk"),
          List.of("indexer", "bulk", "pipeline"));

  /** The command line: {@code ./newswire bench pipeline --help} lists it. */
  @Command(
      name = "./newswire bench pipeline",
      description =
          "raw to searchable through the cleaner and the indexer, against bulk indexing alone")
  static final class Options {
    @Option(
        names = "--docs",
        paramLabel = "N",
        description = "documents per round (default: ${DEFAULT-VALUE})")
    int docs = 4000;

    @Option(
        names = "--rounds",
        paramLabel = "N",
        description = "measured rounds (default: ${DEFAULT-VALUE})")
    int rounds = 3;

    @Option(
        names = "--warmup",
        paramLabel = "N",
        description = "rounds before measuring (default: ${DEFAULT-VALUE})")
    int warmup = 2;

    @Option(
        names = "--batch",
        paramLabel = "N",
        description = "the indexer's batch size (default: ${DEFAULT-VALUE})")
    int batch = 500;

    @Option(
        names = "--cleaners",
        paramLabel = "N",
        description = "cleaner instances (default: ${DEFAULT-VALUE})")
    int cleaners = 1;

    @Option(
        names = "--articles",
        paramLabel = "DIR",
        description = "the pages (default: ${DEFAULT-VALUE})")
    Path articles = Repo.eval().resolve("articles");

    @Option(
        names = "--seeds",
        paramLabel = "DIR",
        description = "the seed reports, mixed in (default: ${DEFAULT-VALUE})")
    Path seeds = Repo.root().resolve("deploy/seed/reports");

    @Option(
        names = "--properties",
        paramLabel = "key=value,...",
        description = "settings for every service (default: ${DEFAULT-VALUE})")
    String properties = "";

    @Option(
        names = "--jvm-args",
        paramLabel = "OPTIONS",
        description =
            "JVM options for every service, separated by spaces (default: ${DEFAULT-VALUE})")
    String jvmArgs = "";

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "show this help")
    boolean help;
  }

  private PipelineBenchmark() {}

  public static void main(String[] argv) throws Exception {
    Options args = Args.parse(new Options(), argv);
    int docs = args.docs;
    int rounds = args.rounds;
    int warmups = args.warmup;
    int batch = args.batch;
    int cleaners = args.cleaners;
    Path articles = args.articles;
    Path seeds = args.seeds;
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("newswire.indexer.batch-size", String.valueOf(batch));
    for (String pair : args.properties.split(",")) {
      if (!pair.isBlank()) {
        String[] kv = pair.split("=", 2);
        if (kv.length != 2) {
          throw new IllegalArgumentException(
              "--properties wants key=value pairs, got '" + pair + "'");
        }
        properties.put(kv[0].strip(), kv[1].strip());
      }
    }
    List<String> jvmArgs = new ArrayList<>();
    for (String option : args.jvmArgs.split("\\s+")) {
      if (!option.isBlank()) {
        jvmArgs.add(option.strip());
      }
    }
    Consumer<String> log = s -> System.err.println("[bench] " + s);

    RawCorpus corpus = RawCorpus.load(articles, seeds);
    log.accept(
        corpus.distinct() + " usable pages; starting Elasticsearch, Kafka and the services...");
    Path work = Files.createTempDirectory("newswire-bench-pipeline-");
    try {
      run(corpus, work, docs, rounds, warmups, batch, cleaners, properties, jvmArgs, log);
    } finally {
      // several GB of Kafka and Elasticsearch data; the logs stay for a look afterwards
      deleteTree(work.resolve("kafka"));
      deleteTree(work.resolve("elasticsearch"));
    }
  }

  private static void run(
      RawCorpus corpus,
      Path work,
      int docs,
      int rounds,
      int warmups,
      int batch,
      int cleaners,
      Map<String, String> properties,
      List<String> jvmArgs,
      Consumer<String> log)
      throws Exception {
    try (BenchNode node = BenchNode.start(Repo.root(), work, "1g");
        BenchBroker broker = BenchBroker.start(Repo.root(), work);
        BenchServices services =
            BenchServices.start(
                Repo.root(),
                work,
                broker.bootstrapServers(),
                node.url(),
                cleaners,
                properties,
                jvmArgs);
        BenchKafka kafka = new BenchKafka(broker.bootstrapServers());
        RestClient rest = RestClient.builder(HttpHost.create(node.url())).build()) {
      Map<String, Long> servicePids = new LinkedHashMap<>();
      services.instances().forEach(i -> servicePids.put(i.name(), i.process().pid()));
      Map<String, Long> pids = new LinkedHashMap<>();
      pids.put("kafka", broker.pid());
      pids.put("elasticsearch", otherChild(List.of(broker.pid()), servicePids.values()));
      pids.putAll(servicePids);
      pids.put("benchmark", ProcessHandle.current().pid());
      PipelineSides sides =
          new PipelineSides(
              corpus, kafka, services, new Elastic(rest), new EsHttp(node.url()), pids, batch);
      List<PipelineSides.Run> runs = new ArrayList<>();
      for (int round = 1 - warmups; round <= rounds; round++) {
        List<String> order = round <= 0 ? ORDERS.get(1) : ORDERS.get((round - 1) % ORDERS.size());
        int tag = round + warmups; // distinct URLs and index names per round
        for (String side : order) {
          log.accept(
              (round <= 0 ? "warm-up" : "round " + round + " of " + rounds) + ": " + side + "...");
          PipelineSides.Run run =
              switch (side) {
                case "pipeline" -> sides.pipeline(tag, docs);
                case "indexer" -> sides.indexer(tag);
                default -> sides.bulk(tag);
              };
          log.accept(
              String.format(
                  java.util.Locale.ROOT,
                  "  %s: %d docs in %.2f s = %.0f docs/s",
                  side,
                  run.docs(),
                  run.seconds(),
                  run.rate()));
          if (round > 0) {
            runs.add(run);
          }
        }
      }
      log.accept("extraction alone, one thread of this JVM...");
      corpus.extractionRate(9000, Math.min(docs, 1000));
      double extraction = corpus.extractionRate(9001, Math.min(docs, 1000));
      Path file =
          PipelineReport.write(
              runs, corpus, sides, docs, warmups, batch, cleaners, properties, extraction, work);
      log.accept("report written to " + file + "; services' logs were in " + work.resolve("logs"));
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

  /** BenchNode does not expose its process: the node is the one child JVM not otherwise known. */
  private static long otherChild(List<Long> broker, java.util.Collection<Long> services) {
    return ProcessHandle.current()
        .children()
        .mapToLong(ProcessHandle::pid)
        .filter(pid -> !broker.contains(pid) && !services.contains(pid))
        .findFirst()
        .orElse(-1);
  }
}
