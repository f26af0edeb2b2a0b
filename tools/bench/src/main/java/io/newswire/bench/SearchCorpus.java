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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A search corpus of any size made deterministically from a few real reports: the eval pages
 * ({@code ../shared/eval/text}: their article text from its {@code ground-truth.json}, headline,
 * date, authors and language as the project's extractor finds them in the plain-text form) and the
 * seed reports (cleaned by the extractor). The first articles are those reports as cleaned; every
 * later one is a new report of one source page, a run of its paragraphs with one to three
 * paragraphs of other pages mixed in, a headline from its own text and a publication day in
 * 2019–2020, so term frequencies, lengths and sources stay those of real news rather than of one
 * page repeated. One in twenty is a copy of an earlier article under another source, in that
 * article's story, so searches collapse stories as they do on real input (issue 13).
 */
final class SearchCorpus {
  /** A cleaned source page. */
  record Page(String url, String host, Extraction extraction, List<String> paragraphs) {}

  private static final Instant FETCHED = Instant.parse("2020-06-01T00:00:00Z");
  private static final LocalDate FIRST_DAY = LocalDate.parse("2019-01-01");
  private static final int COPY_EVERY = 20;

  private final List<Page> pages;

  private SearchCorpus(List<Page> pages) {
    this.pages = List.copyOf(pages);
  }

  /**
   * The {@code .txt} pages of {@code textDir} (URLs and article text from its {@code
   * ground-truth.json}) and of {@code seedsDir}, cleaned as plain text; pages the extractor refuses
   * or that have no text are skipped.
   */
  static SearchCorpus load(Path textDir, Path seedsDir) throws IOException {
    JsonNode truth =
        Files.exists(textDir.resolve("ground-truth.json"))
            ? Json.mapper().readTree(textDir.resolve("ground-truth.json").toFile())
            : Json.mapper().createObjectNode();
    Extractor extractor = new Extractor();
    List<Page> pages = new ArrayList<>();
    for (Path file : list(textDir)) {
      String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
      JsonNode known = truth.path(name);
      add(
          pages,
          extractor,
          file,
          known.path("url").asText("https://eval.newswire.test/" + name),
          known.path("articleBody").asText(null));
    }
    for (Path file : list(seedsDir)) {
      add(pages, extractor, file, "https://seeds.newswire.test/" + file.getFileName(), null);
    }
    if (pages.isEmpty()) {
      throw new IllegalStateException("no usable pages in " + textDir + " or " + seedsDir);
    }
    return new SearchCorpus(pages);
  }

  int pages() {
    return pages.size();
  }

  /** Articles {@code 0..n-1}; the same {@code n} gives the same articles on every run. */
  List<CleanArticle> articles(int n) {
    List<CleanArticle> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(article(i, out));
    }
    return out;
  }

  private CleanArticle article(int i, List<CleanArticle> earlier) {
    Random random = new Random(0x5EA7C4L * 31 + i);
    Page base = pages.get(i % pages.size());
    Instant fetched = FETCHED.plusSeconds(37L * i);
    if (i >= pages.size() && i % COPY_EVERY == 0) {
      CleanArticle original = earlier.get(random.nextInt(i));
      Page other = pages.get(random.nextInt(pages.size()));
      String url = url(other, i);
      return new CleanArticle(
          SchemaVersions.CLEAN_ARTICLE,
          DocumentIds.forUrl(url),
          url,
          other.host(),
          original.title(),
          original.published(),
          original.authors(),
          original.language(),
          original.section(),
          original.text(),
          original.contentHash(),
          "bench",
          fetched,
          fetched.plusSeconds(1),
          original.storyId(),
          original.id());
    }
    String title;
    String text;
    String published;
    if (i < pages.size()) {
      title =
          base.extraction().title() != null
              ? base.extraction().title()
              : headline(base.paragraphs(), random);
      text = base.extraction().text();
      published = base.extraction().published();
    } else {
      List<String> paragraphs = mix(base, random);
      title = headline(paragraphs, random);
      text = String.join("\n\n", paragraphs);
      published = FIRST_DAY.plusDays(random.nextInt(730)).toString();
    }
    String url = url(base, i);
    String id = DocumentIds.forUrl(url);
    return new CleanArticle(
        SchemaVersions.CLEAN_ARTICLE,
        id,
        url,
        base.host(),
        title,
        published,
        base.extraction().authors(),
        base.extraction().language(),
        base.extraction().section(),
        text,
        DocumentIds.hash(text),
        "bench",
        fetched,
        fetched.plusSeconds(1));
  }

  /**
   * A run of the base page's paragraphs with one to three paragraphs of other pages at random
   * places.
   */
  private List<String> mix(Page base, Random random) {
    List<String> own = base.paragraphs();
    int length = Math.max(1, (int) Math.ceil(own.size() * (0.5 + random.nextDouble() * 0.5)));
    int from = random.nextInt(own.size() - length + 1);
    List<String> out = new ArrayList<>(own.subList(from, from + length));
    int borrowed = 1 + random.nextInt(3);
    for (int k = 0; k < borrowed; k++) {
      List<String> other = pages.get(random.nextInt(pages.size())).paragraphs();
      out.add(random.nextInt(out.size() + 1), other.get(random.nextInt(other.size())));
    }
    return out;
  }

  /** The first 6 to 14 words of one of the paragraphs, as a headline. */
  private static String headline(List<String> paragraphs, Random random) {
    String[] words = paragraphs.get(random.nextInt(paragraphs.size())).trim().split("\\s+");
    int n = Math.min(words.length, 6 + random.nextInt(9));
    String title =
        String.join(" ", Arrays.copyOf(words, n)).replaceAll("[\\p{Punct}&&[^)\"'’]]+$", "");
    return title.isEmpty()
        ? "Untitled"
        : Character.toUpperCase(title.charAt(0)) + title.substring(1);
  }

  private static String url(Page page, int i) {
    return "https://" + page.host() + "/newswire-bench/" + i;
  }

  /**
   * @param text the page's article text when known, else the extractor's
   */
  private static void add(List<Page> pages, Extractor extractor, Path file, String url, String text)
      throws IOException {
    Extraction e;
    try {
      e = extractor.extract(Files.readString(file, StandardCharsets.UTF_8), "text/plain", url);
    } catch (ExtractionException refused) {
      return;
    }
    if (text != null && !text.isBlank()) {
      e =
          new Extraction(
              e.title(),
              e.published(),
              e.authors(),
              e.language(),
              e.section(),
              text.strip(),
              e.warnings());
    }
    List<String> paragraphs =
        Arrays.stream(e.text().split("\\n+")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    if (!paragraphs.isEmpty()) {
      String host = URI.create(url).getHost();
      pages.add(
          new Page(
              url, host == null ? "unknown" : host.replaceFirst("^www\\.", ""), e, paragraphs));
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
    }
  }
}
