package io.newswire.bench;

import io.newswire.model.CleanArticle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The pipeline benchmark's report: throughput of each side, the ratio, and where the time went. */
final class PipelineReport {
  private PipelineReport() {}

  static Path write(
      List<PipelineSides.Run> runs,
      RawCorpus corpus,
      PipelineSides sides,
      int docs,
      int warmups,
      int batch,
      int cleaners,
      Map<String, String> properties,
      double extraction,
      Path work)
      throws IOException {
    List<PipelineSides.Run> pipeline = of(runs, "pipeline");
    List<PipelineSides.Run> indexer = of(runs, "indexer");
    List<PipelineSides.Run> bulk = of(runs, "bulk");
    int rounds = bulk.size();
    List<CleanArticle> cleaned = sides.lastCleaned();
    long textChars =
        cleaned.stream().mapToLong(a -> a.text() == null ? 0 : a.text().length()).sum();

    Report report = new Report("Pipeline benchmark: newswire.raw to searchable vs raw _bulk");
    report.format(
        "- documents: **N = %d** raw documents per round, made from %d pages (the eval pages the"
            + " extractor accepts and deploy/seed/reports), %.0f kB each on average; every round gives them new URLs"
            + " and ids; cleaned text %.1f kB per article on average",
        docs,
        corpus.distinct(),
        corpus.meanChars() / 1e3,
        cleaned.isEmpty() ? 0 : textChars / 1e3 / cleaned.size());
    report.format(
        "- one Kafka broker (512 MB heap) and one Elasticsearch 7.10.2 node (1 GB heap) started for"
            + " this run, %d cleaner instance(s) and one indexer (512 MB heap each) from their built Quarkus"
            + " applications, all in their own JVMs with the full JIT; the fetcher and the alerter are not running",
        cleaners);
    report.format("- service settings given: %s", properties);
    report.format(
        "- every side writes into a fresh index from deploy/elasticsearch/newswire-template.json and"
            + " stops its clock when `_count` (default 1 s refresh, polled every 50 ms, no forced refresh) reaches"
            + " the number of documents; batch %d on both the indexer and raw _bulk",
        batch);
    report.line(
        "- pipeline: the N raw documents are produced to newswire.raw in one Kafka transaction before the"
            + " clock starts; the clock starts at its commit, when all N become visible at once to the cleaner"
            + " (read_committed), so producing is not timed and the services start from idle, subscribed");
    report.line(
        "- indexer alone: the articles the pipeline's last run cleaned (read back from newswire.clean),"
            + " produced to newswire.clean the same way; raw _bulk: the same articles as the indexer's documents"
            + " in plain index actions, request bodies built before the clock, sent one after the other");
    report.format(
        "- %d measured rounds after %d warm-up round(s) of each side, the order of the sides rotating"
            + " each round; figures are medians",
        rounds, warmups);
    report.line("");
    report.line("| side | timed | docs/s (median) | per round | load average at the end of each |");
    report.line("|---|---|---:|---|---|");
    report.format(
        "| **pipeline**: cleaner + indexer services | newswire.raw commit → searchable | %.0f | %s | %s |",
        median(pipeline, PipelineSides.Run::rate), rates(pipeline), loads(pipeline));
    report.format(
        "| indexer service alone | newswire.clean commit → searchable | %.0f | %s | %s |",
        median(indexer, PipelineSides.Run::rate), rates(indexer), loads(indexer));
    report.format(
        "| **raw _bulk** (ceiling) | first request → searchable | %.0f | %s | %s |",
        median(bulk, PipelineSides.Run::rate), rates(bulk), loads(bulk));
    report.line("");
    double ratio =
        median(pipeline, PipelineSides.Run::rate) / median(bulk, PipelineSides.Run::rate);
    report.format(
        "- **ratio pipeline / raw _bulk: %.2f** (target ≥ 0.8: %s); per round %s",
        ratio, ratio >= 0.8 ? "met" : "NOT met", ratios(pipeline, bulk));
    double indexerRatio =
        median(indexer, PipelineSides.Run::rate) / median(bulk, PipelineSides.Run::rate);
    report.format(
        "- **ratio indexer alone / raw _bulk: %.2f** (the brief's throughput line, the indexer keeping up"
            + " with at least 80%% of raw bulk indexing: %s); per round %s",
        indexerRatio, indexerRatio >= 0.8 ? "met" : "NOT met", ratios(indexer, bulk));
    double written =
        median(pipeline, r -> r.docs() / r.writtenAt())
            / median(bulk, r -> r.docs() / r.writtenAt());
    report.format(
        "- the same ratio without the wait for the refresh (clocks stopped when the indexer had indexed"
            + " every document / the last bulk was acknowledged): %.2f; the 1 s refresh weighs more on the short"
            + " runs, so the headline ratio flatters the pipeline a little",
        written);
    report.format("- documents dead-lettered during the pipeline runs: %d", sides.deadLetters());
    report.line("");
    report.line("## Where the time goes");
    report.line("");
    report.format(
        "- pipeline: the cleaner(s) had committed all N after %.2f s (%.0f docs/s), the indexer had"
            + " indexed all after %.2f s, searchable after %.2f s (medians)",
        median(pipeline, r -> r.cleanedAt()),
        docs / median(pipeline, r -> r.cleanedAt()),
        median(pipeline, r -> r.writtenAt()),
        median(pipeline, r -> r.seconds()));
    report.format(
        "- after the cleaner(s) had committed the last article the pipeline needed %.2f s more to be"
            + " searchable (the indexer's last bulk and the refresh): when that is small against the total, the"
            + " cleaning stage sets the pace",
        median(pipeline, r -> r.seconds() - r.cleanedAt()));
    report.format(
        "- CPU per document: the cleaner(s) %.2f ms in the pipeline runs; Elasticsearch %.2f ms in the"
            + " raw _bulk runs and %.2f ms in the pipeline runs",
        msPerDoc(pipeline, "cleaner"),
        msPerDoc(bulk, "elasticsearch"),
        msPerDoc(pipeline, "elasticsearch"));
    report.format(
        "- indexer alone: all indexed after %.2f s, searchable after %.2f s; raw _bulk: last request"
            + " acknowledged after %.2f s, searchable after %.2f s",
        median(indexer, r -> r.writtenAt()),
        median(indexer, r -> r.seconds()),
        median(bulk, r -> r.writtenAt()),
        median(bulk, r -> r.seconds()));
    int machineCores = Runtime.getRuntime().availableProcessors();
    int threads = Integer.parseInt(properties.getOrDefault("newswire.cleaner.threads", "0"));
    report.format(
        "- extraction alone (the cleaner's extractor with site learning, one thread of the benchmark"
            + " JVM, the services idle): %.0f pages/s; %d cleaner instance(s) of %d extraction thread(s) each"
            + " (newswire.cleaner.threads) can clean at most about that many times this, as far as %d cores"
            + " shared with Kafka, Elasticsearch and the indexer allow",
        extraction, cleaners, threads > 0 ? threads : machineCores, machineCores);
    report.line(
        "- cores each process kept busy while the clock ran (CPU seconds over all rounds / wall seconds"
            + " over all rounds):");
    report.line("");
    List<String> processes = new ArrayList<>(runs.get(0).cpu().keySet());
    report.line("| side | " + String.join(" | ", processes) + " | total |");
    report.line("|---|" + "---:|".repeat(processes.size() + 1));
    for (List<PipelineSides.Run> side : List.of(pipeline, indexer, bulk)) {
      Map<String, Double> cores = cores(side, processes);
      double total =
          cores.values().stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).sum();
      List<String> cells = new ArrayList<>();
      cores.values().forEach(v -> cells.add(String.format(java.util.Locale.ROOT, "%.2f", v)));
      report.format("| %s | %s | %.2f |", side.get(0).side(), String.join(" | ", cells), total);
    }
    report.line("");
    report.line("Work directory with the services' logs: " + work);
    return report.write(Repo.reportDir(), "pipeline");
  }

  private static List<PipelineSides.Run> of(List<PipelineSides.Run> runs, String side) {
    return runs.stream().filter(r -> r.side().equals(side)).toList();
  }

  private static double median(
      List<PipelineSides.Run> runs, ToDoubleFunction<PipelineSides.Run> figure) {
    return Stats.median(runs.stream().mapToDouble(figure).toArray());
  }

  private static String rates(List<PipelineSides.Run> runs) {
    List<String> out = new ArrayList<>();
    runs.forEach(r -> out.add(String.valueOf(Math.round(r.rate()))));
    return String.join(", ", out);
  }

  /** CPU milliseconds per document of the processes whose name starts with {@code process}. */
  private static double msPerDoc(List<PipelineSides.Run> runs, String process) {
    double cpu = 0;
    long docs = 0;
    for (PipelineSides.Run r : runs) {
      docs += r.docs();
      for (Map.Entry<String, Double> e : r.cpu().entrySet()) {
        if (e.getKey().startsWith(process)) {
          cpu += e.getValue();
        }
      }
    }
    return cpu * 1e3 / docs;
  }

  private static String loads(List<PipelineSides.Run> runs) {
    List<String> out = new ArrayList<>();
    runs.forEach(r -> out.add(String.format(java.util.Locale.ROOT, "%.1f", r.load())));
    return String.join(", ", out);
  }

  private static String ratios(List<PipelineSides.Run> side, List<PipelineSides.Run> bulk) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.min(side.size(), bulk.size()); i++) {
      out.add(
          String.format(java.util.Locale.ROOT, "%.2f", side.get(i).rate() / bulk.get(i).rate()));
    }
    return String.join(", ", out);
  }

  private static Map<String, Double> cores(List<PipelineSides.Run> runs, List<String> processes) {
    double wall = runs.stream().mapToDouble(PipelineSides.Run::seconds).sum();
    Map<String, Double> out = new LinkedHashMap<>();
    for (String p : processes) {
      out.put(p, runs.stream().mapToDouble(r -> r.cpu().getOrDefault(p, Double.NaN)).sum() / wall);
    }
    return out;
  }
}
