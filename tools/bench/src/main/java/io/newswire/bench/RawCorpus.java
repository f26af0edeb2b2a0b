package io.newswire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.extract.ExtractionException;
import io.newswire.extract.Extractor;
import io.newswire.extract.site.SiteBoilerplate;
import io.newswire.model.DocumentIds;
import io.newswire.model.Json;
import io.newswire.model.RawDocument;
import io.newswire.model.SchemaVersions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Raw documents made from the eval pages and the seed reports: page {@code i % pages} of round
 * {@code r} gets the host {@code c<copy>-r<r>.<original host>}, so every document has its own URL
 * and id, and no host sees the same page twice. Repeating a page on one host would be learned as
 * that site's furniture by the cleaner and cleaned away, which real input never does.
 */
final class RawCorpus {
  /** One source page as the fetcher would have fetched it. */
  record Page(String name, String url, String contentType, String body) {}

  private final List<Page> pages;
  private final long bytes;

  private RawCorpus(List<Page> pages) {
    this.pages = List.copyOf(pages);
    this.bytes = pages.stream().mapToLong(p -> p.body().length()).sum();
  }

  /**
   * The {@code .html} pages of {@code articlesDir} and the {@code .txt} reports of {@code
   * seedsDir}, without the pages the extractor refuses outright (they would only go to the DLQ).
   */
  static RawCorpus load(Path articlesDir, Path seedsDir) throws IOException {
    JsonNode truth =
        Files.exists(articlesDir.resolve("ground-truth.json"))
            ? Json.mapper().readTree(articlesDir.resolve("ground-truth.json").toFile())
            : Json.mapper().createObjectNode();
    Extractor extractor = new Extractor();
    List<Page> pages = new ArrayList<>();
    for (Path file : list(articlesDir, ".html")) {
      String name = file.getFileName().toString().replaceFirst("\\.html$", "");
      String url = truth.path(name).path("url").asText("https://eval.newswire.test/" + name);
      pages.add(new Page(name, url, "text/html", Files.readString(file, StandardCharsets.UTF_8)));
    }
    for (Path file : list(seedsDir, ".txt")) {
      String name = file.getFileName().toString();
      pages.add(
          new Page(
              name,
              "https://seeds.newswire.test/" + name,
              "text/plain",
              Files.readString(file, StandardCharsets.UTF_8)));
    }
    pages.removeIf(
        p -> {
          try {
            extractor.extract(p.body(), p.contentType(), p.url());
            return false;
          } catch (ExtractionException refused) {
            return true;
          }
        });
    if (pages.isEmpty()) {
      throw new IllegalStateException("no usable pages in " + articlesDir + " or " + seedsDir);
    }
    return new RawCorpus(pages);
  }

  int distinct() {
    return pages.size();
  }

  /** Mean characters per source page. */
  long meanChars() {
    return bytes / pages.size();
  }

  /** Document {@code i} of {@code round}. */
  RawDocument document(int round, int i) {
    Page page = pages.get(i % pages.size());
    String url = withHost(page.url(), "c" + (i / pages.size()) + "-r" + round);
    return new RawDocument(
        SchemaVersions.RAW_DOCUMENT,
        DocumentIds.forUrl(url),
        url,
        "bench",
        Instant.now(),
        page.contentType(),
        "UTF-8",
        page.body(),
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * Pages per second of the cleaner's extraction (the extractor with site learning, as the cleaner
   * builds it) on one thread of this JVM over {@code n} documents: what one cleaner instance could
   * do at most with a core to itself.
   */
  double extractionRate(int round, int n) {
    Extractor extractor = new Extractor(new SiteBoilerplate());
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      RawDocument doc = document(round, i);
      try {
        extractor.extract(doc.body(), doc.contentType(), doc.url());
      } catch (ExtractionException refused) {
        // counted like a cleaned one: the cleaner spends the time too
      }
    }
    return n / ((System.nanoTime() - start) / 1e9);
  }

  private static String withHost(String url, String label) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return "https://" + label + ".newswire.test/" + url;
    }
    return url.substring(0, scheme + 3) + label + "." + url.substring(scheme + 3);
  }

  private static List<Path> list(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
