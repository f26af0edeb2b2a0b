package io.newswire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.indexer.Elastic;
import io.newswire.indexer.IndexSetup;
import io.newswire.model.CleanArticle;
import io.newswire.model.Json;
import io.newswire.model.RawDocument;
import io.newswire.model.Service;
import io.newswire.model.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The three things the pipeline benchmark times, each into a fresh index made from the same
 * template: raw documents through the cleaner and the indexer, clean articles through the indexer
 * alone, and the same clean articles as plain {@code _bulk} requests from this JVM. Every clock
 * stops when {@code _count} (no forced refresh) reaches the number of documents: searchable, not
 * just accepted.
 */
final class PipelineSides {
  /** Alias and first index the indexer writes to (its defaults). */
  static final String ALIAS = "newswire";

  static final String INDEX = "newswire-v1";

  private static final long POLL_MILLIS = 50;
  private static final Duration STALL = Duration.ofSeconds(120);

  /**
   * One timed run.
   *
   * @param seconds from the start of the clock until all {@code docs} were searchable
   * @param cleanedAt when the cleaners had committed every document (pipeline only, else NaN)
   * @param writtenAt when the indexer had indexed, or the last bulk was acknowledged, every
   *     document
   * @param cpu CPU seconds each process used while the clock ran
   * @param load the machine's 1-minute load average when the clock stopped
   */
  record Run(
      String side,
      int round,
      int docs,
      double seconds,
      double cleanedAt,
      double writtenAt,
      Map<String, Double> cpu,
      double load) {
    double rate() {
      return docs / seconds;
    }
  }

  private final RawCorpus corpus;
  private final BenchKafka kafka;
  private final BenchServices services;
  private final Elastic elastic;
  private final EsHttp es;
  private final Map<String, Long> pids;
  private final int batch;
  private List<CleanArticle> lastCleaned = List.of();
  private long deadLetters;

  PipelineSides(
      RawCorpus corpus,
      BenchKafka kafka,
      BenchServices services,
      Elastic elastic,
      EsHttp es,
      Map<String, Long> pids,
      int batch) {
    this.corpus = corpus;
    this.kafka = kafka;
    this.services = services;
    this.elastic = elastic;
    this.es = es;
    this.pids = pids;
    this.batch = batch;
  }

  /** What the pipeline cleaned in its last run: the input of the other two sides. */
  List<CleanArticle> lastCleaned() {
    return lastCleaned;
  }

  /** Records that went to a DLQ during pipeline runs (expected: none). */
  long deadLetters() {
    return deadLetters;
  }

  /**
   * newswire.raw to searchable. The N raw documents are produced in one transaction before the
   * clock starts; it starts when the transaction commits, so the cleaners see all of them at once.
   */
  Run pipeline(int round, int docs) throws Exception {
    freshIndex();
    Map<TopicPartition, Long> cleanFrom = kafka.endOffsets(Topics.CLEAN);
    long dlqBefore = kafka.deadLetters();
    long cleanedBefore = services.counter(Service.CLEANER, "processed");
    long indexedBefore = services.counter(Service.INDEXER, "indexed");
    long produceStart = System.nanoTime();
    kafka.produceUncommitted(
        docs,
        i -> {
          RawDocument doc = corpus.document(round, i);
          return new ProducerRecord<>(Topics.RAW, doc.id(), Json.write(doc));
        });
    System.err.printf(
        java.util.Locale.ROOT,
        "[bench]   (%d raw documents produced, uncommitted, in %.1f s)%n",
        docs,
        (System.nanoTime() - produceStart) / 1e9);
    Map<String, Long> cpu = cpuNanos();
    long start = System.nanoTime();
    kafka.commit();
    double cleanedAt = Double.NaN;
    double writtenAt = Double.NaN;
    long lastProgress = start;
    long seen = -1;
    long dlq = 0;
    int polls = 0;
    while (true) {
      long count = count(ALIAS);
      if (polls++ % 5 == 0) {
        services.checkAlive();
        dlq = kafka.deadLetters() - dlqBefore;
        double now = (System.nanoTime() - start) / 1e9;
        if (Double.isNaN(cleanedAt)
            && services.counter(Service.CLEANER, "processed") - cleanedBefore >= docs) {
          cleanedAt = now;
        }
        if (Double.isNaN(writtenAt)
            && services.counter(Service.INDEXER, "indexed") - indexedBefore >= docs - dlq) {
          writtenAt = now;
        }
      }
      if (count >= docs - dlq) {
        break;
      }
      lastProgress = stallCheck(count, seen, lastProgress, "the pipeline");
      seen = count;
      Thread.sleep(POLL_MILLIS);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Double> used = cpuSince(cpu);
    deadLetters += dlq;
    lastCleaned = kafka.readClean(cleanFrom, kafka.endOffsets(Topics.CLEAN));
    if (lastCleaned.size() != docs - dlq) {
      throw new IllegalStateException(
          "newswire.clean holds "
              + lastCleaned.size()
              + " articles of this run, expected "
              + (docs - dlq));
    }
    requireCount(ALIAS, docs - dlq);
    return new Run(
        "pipeline", round, (int) (docs - dlq), seconds, cleanedAt, writtenAt, used, load());
  }

  /**
   * newswire.clean to searchable: the indexer alone, on the articles the last pipeline run cleaned.
   */
  Run indexer(int round) throws Exception {
    List<CleanArticle> articles = lastCleaned;
    freshIndex();
    long indexedBefore = services.counter(Service.INDEXER, "indexed");
    kafka.produceUncommitted(
        articles.size(),
        i -> new ProducerRecord<>(Topics.CLEAN, articles.get(i).id(), Json.write(articles.get(i))));
    Map<String, Long> cpu = cpuNanos();
    long start = System.nanoTime();
    kafka.commit();
    double writtenAt = Double.NaN;
    long lastProgress = start;
    long seen = -1;
    int polls = 0;
    while (true) {
      long count = count(ALIAS);
      if (polls++ % 5 == 0) {
        services.checkAlive();
        if (Double.isNaN(writtenAt)
            && services.counter(Service.INDEXER, "indexed") - indexedBefore >= articles.size()) {
          writtenAt = (System.nanoTime() - start) / 1e9;
        }
      }
      if (count >= articles.size()) {
        break;
      }
      lastProgress = stallCheck(count, seen, lastProgress, "the indexer");
      seen = count;
      Thread.sleep(POLL_MILLIS);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Double> used = cpuSince(cpu);
    requireCount(ALIAS, articles.size());
    return new Run("indexer", round, articles.size(), seconds, Double.NaN, writtenAt, used, load());
  }

  /**
   * The ceiling: the same clean articles, as the indexer's documents, in plain index actions of
   * {@code batch} each, sent one request after the other like the indexer's single loop; the
   * request bodies are built before the clock starts.
   */
  Run bulk(int round) throws Exception {
    List<CleanArticle> articles = lastCleaned;
    String index = "newswire-v800-bulk-" + round;
    String alias = "bench-bulk-" + round;
    es.call("DELETE", "/" + index, null);
    IndexSetup.ensure(elastic, alias, index);
    List<String> bodies = bulkBodies(articles);
    Map<String, Long> cpu = cpuNanos();
    long start = System.nanoTime();
    for (String body : bodies) {
      JsonNode reply = es.require("POST", "/" + index + "/_bulk", body);
      if (reply.path("errors").asBoolean(true)) {
        throw new IllegalStateException(
            "raw _bulk: some items failed: " + reply.toString().substring(0, 500));
      }
    }
    double writtenAt = (System.nanoTime() - start) / 1e9;
    long lastProgress = start;
    long seen = -1;
    while (true) {
      long count = count(index);
      if (count >= articles.size()) {
        break;
      }
      lastProgress = stallCheck(count, seen, lastProgress, "raw _bulk");
      seen = count;
      Thread.sleep(POLL_MILLIS);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Double> used = cpuSince(cpu);
    requireCount(index, articles.size());
    es.require("DELETE", "/" + index, null);
    return new Run("bulk", round, articles.size(), seconds, Double.NaN, writtenAt, used, load());
  }

  /**
   * Drops whatever index the alias points at and recreates the indexer's index from the template.
   */
  private void freshIndex() throws IOException {
    EsHttp.Reply aliases = es.call("GET", "/_alias/" + ALIAS, null);
    if (aliases.ok()) {
      for (Iterator<String> it = aliases.body().fieldNames(); it.hasNext(); ) {
        es.require("DELETE", "/" + it.next(), null);
      }
    }
    IndexSetup.ensure(elastic, ALIAS, INDEX);
    requireCount(ALIAS, 0);
  }

  private long count(String target) {
    EsHttp.Reply reply = es.call("GET", "/" + target + "/_count", null);
    return reply.ok() ? reply.body().path("count").asLong() : -1;
  }

  private void requireCount(String target, long expected) {
    es.require("POST", "/" + target + "/_refresh", null);
    long count = count(target);
    if (count != expected) {
      throw new IllegalStateException(
          target + " holds " + count + " documents, expected " + expected);
    }
  }

  private long stallCheck(long count, long seen, long lastProgress, String what) {
    long now = System.nanoTime();
    if (count != seen) {
      return now;
    }
    if (now - lastProgress > STALL.toNanos()) {
      throw new IllegalStateException(
          what
              + " made no progress for "
              + STALL.toSeconds()
              + " s at "
              + count
              + " searchable documents; see the logs under the work directory");
    }
    return lastProgress;
  }

  /** The documents BulkWriter sends (the article's JSON with indexedAt, without schemaVersion). */
  private List<String> bulkBodies(List<CleanArticle> articles) {
    return IndexerBenchmark.rawBodies(articles, batch);
  }

  private static double load() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private Map<String, Long> cpuNanos() {
    Map<String, Long> out = new LinkedHashMap<>();
    pids.forEach(
        (name, pid) ->
            out.put(
                name,
                ProcessHandle.of(pid)
                    .flatMap(h -> h.info().totalCpuDuration())
                    .map(Duration::toNanos)
                    .orElse(-1L)));
    return out;
  }

  private Map<String, Double> cpuSince(Map<String, Long> before) {
    Map<String, Double> out = new LinkedHashMap<>();
    cpuNanos()
        .forEach(
            (name, nanos) -> {
              long was = before.getOrDefault(name, -1L);
              out.put(name, nanos < 0 || was < 0 ? Double.NaN : (nanos - was) / 1e9);
            });
    return out;
  }
}
