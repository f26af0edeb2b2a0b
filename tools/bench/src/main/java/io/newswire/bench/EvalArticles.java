package io.newswire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.extract.Extraction;
import io.newswire.extract.ExtractionException;
import io.newswire.extract.Extractor;
import io.newswire.model.CleanArticle;
import io.newswire.model.DocumentIds;
import io.newswire.model.Json;
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
 * The eval pages ({@code ../shared/eval/articles}) cleaned by the project's extractor into the
 * {@link CleanArticle}s the alerter and the indexer receive. Pages the extractor refuses are
 * skipped and counted.
 */
public final class EvalArticles {
  /** Cleaned articles in file-name order, and how many pages the extractor refused. */
  public record Loaded(List<CleanArticle> articles, int refused) {}

  private EvalArticles() {}

  public static Loaded load(Path articlesDir, int limit) throws IOException {
    JsonNode truth = readTruth(articlesDir.resolve("ground-truth.json"));
    Extractor extractor = new Extractor();
    List<CleanArticle> out = new ArrayList<>();
    int refused = 0;
    List<Path> pages;
    try (Stream<Path> files = Files.list(articlesDir)) {
      pages = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
    }
    Instant now = Instant.now();
    for (Path page : pages) {
      if (out.size() >= limit) {
        break;
      }
      String name = page.getFileName().toString().replaceFirst("\\.html$", "");
      String url = truth.path(name).path("url").asText("file:" + page.getFileName());
      Extraction e;
      try {
        e = extractor.extract(Files.readString(page, StandardCharsets.UTF_8), "text/html", url);
      } catch (ExtractionException refusedPage) {
        refused++;
        continue;
      }
      out.add(
          new CleanArticle(
              SchemaVersions.CLEAN_ARTICLE,
              DocumentIds.forUrl(url),
              url,
              "eval",
              e.title(),
              e.published(),
              e.authors(),
              e.language(),
              e.section(),
              e.text(),
              DocumentIds.hash(e.text()),
              "bench",
              now,
              now));
    }
    return new Loaded(List.copyOf(out), refused);
  }

  /** {@code n} articles made by repeating {@code base}, each with its own id and URL. */
  public static List<CleanArticle> repeated(List<CleanArticle> base, int n) {
    List<CleanArticle> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      CleanArticle a = base.get(i % base.size());
      String url = a.url() + (a.url().contains("?") ? "&" : "?") + "copy=" + i;
      out.add(
          new CleanArticle(
              a.schemaVersion(),
              DocumentIds.forUrl(url),
              url,
              a.source(),
              a.title(),
              a.published(),
              a.authors(),
              a.language(),
              a.section(),
              a.text(),
              a.contentHash(),
              a.extractionVersion(),
              a.fetchedAt(),
              a.cleanedAt()));
    }
    return out;
  }

  private static JsonNode readTruth(Path file) throws IOException {
    return Files.exists(file)
        ? Json.mapper().readTree(file.toFile())
        : Json.mapper().createObjectNode();
  }
}
