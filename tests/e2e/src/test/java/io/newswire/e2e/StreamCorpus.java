package io.newswire.e2e;

import io.newswire.extract.Extraction;
import io.newswire.extract.ExtractionException;
import io.newswire.extract.Extractor;
import io.newswire.extract.text.LeadTitle;
import io.newswire.model.DocumentIds;
import io.newswire.model.RawDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A stream of reports for the fault-injection suite: the seed reports and the eval pages ({@code
 * ../shared/eval/articles}, when present) repeated to any length, each document on a host of its
 * own, with what the cleaner must make of it worked out here by the extractor itself. One host per
 * document because the cleaner learns what a site repeats (a site's first pages are cleaned as if
 * alone), and copies of one page on one host would rightly be taken for furniture.
 */
final class StreamCorpus {
  /** A page or report, and the title and text the cleaner must extract from it. */
  record Page(String name, String contentType, String body, String title, String text) {
    String contentHash() {
      return DocumentIds.hash(text);
    }
  }

  /** One document of the stream, made from {@code page}. */
  record Item(RawDocument raw, Page page) {}

  private final List<Page> pages;
  private final int evalPages;
  private final int refused;

  private StreamCorpus(List<Page> pages, int evalPages, int refused) {
    this.pages = pages;
    this.evalPages = evalPages;
    this.refused = refused;
  }

  /** The seed reports first, then the eval pages the extractor does not refuse, in name order. */
  static StreamCorpus load() throws IOException {
    Extractor extractor = new Extractor();
    List<Page> pages = new ArrayList<>();
    for (String seed : SeedScenario.SEEDS) {
      String body =
          Files.readString(SeedScenario.seeds().resolve(seed + ".txt"), StandardCharsets.UTF_8);
      pages.add(page(extractor, seed, "text/plain", body));
    }
    int refused = 0;
    Path eval =
        SeedScenario.repoRoot().resolveSibling("shared").resolve("eval").resolve("articles");
    List<Path> files = List.of();
    if (Files.isDirectory(eval)) {
      try (Stream<Path> list = Files.list(eval)) {
        files = list.filter(f -> f.toString().endsWith(".html")).sorted().toList();
      }
    }
    for (Path file : files) {
      String name = file.getFileName().toString().replaceFirst("\\.html$", "");
      try {
        pages.add(
            page(extractor, name, "text/html", Files.readString(file, StandardCharsets.UTF_8)));
      } catch (ExtractionException e) {
        refused++; // the cleaner would dead-letter it: not part of what must be indexed
      }
    }
    return new StreamCorpus(List.copyOf(pages), files.size() - refused, refused);
  }

  private static Page page(Extractor extractor, String name, String contentType, String body) {
    // the URL only sets the parser's base URI; the cleaner sees another one, with no effect on text
    Extraction e = extractor.extract(body, contentType, "https://corpus.example.org/" + name);
    // no feed title in the stream: a page without a title of its own gets its lead sentence, as in
    // the cleaner
    String title = e.title() != null && !e.title().isBlank() ? e.title() : LeadTitle.of(e.text());
    return new Page(name, contentType, body, title, e.text());
  }

  /**
   * {@code n} documents cycling through the pages, document {@code i} on host {@code
   * d<i>.example.org}.
   */
  List<Item> stream(int n) {
    List<Item> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Page page = pages.get(i % pages.size());
      String url = "https://d" + i + ".example.org/fault/" + page.name();
      items.add(
          new Item(RawDocument.of(url, "faults", page.contentType(), "UTF-8", page.body()), page));
    }
    return items;
  }

  List<Page> pages() {
    return pages;
  }

  @Override
  public String toString() {
    return pages.size()
        + " pages ("
        + SeedScenario.SEEDS.size()
        + " seed reports, "
        + evalPages
        + " eval pages"
        + (refused > 0 ? ", " + refused + " refused by the extractor" : "")
        + ")";
  }
}
