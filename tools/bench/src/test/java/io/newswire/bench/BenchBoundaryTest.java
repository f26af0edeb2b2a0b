package io.newswire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Where the benchmarks may reach into the services (issue 15). Most of them drive the services over
 * Kafka and HTTP, as users do; the in-process ones call the small set of classes below, the very
 * code they measure, and nothing else of a service. A new call-in is a decision, made here and in
 * this module's README, not an import that slips in. And no benchmark ships in a service.
 */
class BenchBoundaryTest {
  /** The services' classes the benchmarks call, each for the path it measures. */
  private static final Set<String> CALL_INS =
      Set.of(
          // bench indexer and search: the indexer's bulk path and its query, against raw
          // Elasticsearch
          "io.newswire.indexer.BulkOutcome",
          "io.newswire.indexer.BulkWriter",
          "io.newswire.indexer.Elastic",
          "io.newswire.indexer.IndexSetup",
          "io.newswire.indexer.Searcher",
          // bench alerter: the alerter's rule book (Lucene Monitor) against the percolator
          "io.newswire.alerter.match.RuleBook",
          // bench fetcher: one poll cycle through the real fetch path, politeness and seen-state
          "io.newswire.fetcher.http.SafeHttpClient",
          "io.newswire.fetcher.robots.PoliteFetcher",
          "io.newswire.fetcher.robots.RobotsCache",
          "io.newswire.fetcher.robots.RobotsPolicy",
          "io.newswire.fetcher.source.DocumentSink",
          "io.newswire.fetcher.source.ItemEmitter",
          "io.newswire.fetcher.source.SourceMonitor",
          "io.newswire.fetcher.source.feed.FeedPoller",
          "io.newswire.fetcher.state.InMemorySeenStore",
          "io.newswire.fetcher.state.SeenStore");

  private static final Pattern SERVICE_REFERENCE =
      Pattern.compile(
          "\\bio\\.newswire\\.(?:fetcher|cleaner|indexer|alerter|console)(?:\\.[a-z]\\w*)*\\.[A-Z]\\w*");

  @Test
  void benchmarksCallOnlyTheDeclaredClassesOfTheServices() {
    Set<String> used = new TreeSet<>();
    for (Path source : javaFiles(Repo.root().resolve("tools/bench/src/main/java"))) {
      Matcher m = SERVICE_REFERENCE.matcher(read(source));
      while (m.find()) {
        used.add(m.group());
      }
    }
    Set<String> undeclared = new TreeSet<>(used);
    undeclared.removeAll(CALL_INS);
    assertEquals(
        Set.of(),
        undeclared,
        "benchmarks call into services beyond the declared set: add the class to CALL_INS and to"
            + " tools/bench/README.md if it is the code being measured, or go through the service's"
            + " API");
    Set<String> unused = new TreeSet<>(CALL_INS);
    unused.removeAll(used);
    assertEquals(Set.of(), unused, "declared but no longer called: take them off the list");
  }

  @Test
  void noBenchmarkShipsInAService() throws IOException {
    Path root = Repo.root();
    List<Path> found;
    try (Stream<Path> s = Files.walk(root.resolve("services"))) {
      found =
          s.filter(Files::isDirectory)
              .filter(p -> p.toString().contains("/src/main/"))
              .filter(p -> p.getFileName().toString().equals("bench"))
              .toList();
    }
    assertEquals(List.of(), found, "benchmark packages in a service's production sources");
    for (Path source : javaFiles(root.resolve("services"))) {
      if (source.toString().contains("/src/main/")) {
        assertTrue(
            !source.getFileName().toString().endsWith("Benchmark.java"),
            "a benchmark in a service's production sources: " + source);
      }
    }
  }

  private static List<Path> javaFiles(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.toString().contains("/target/"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
