package io.newswire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.extract.Extraction;
import io.newswire.extract.ExtractionException;
import io.newswire.extract.Extractor;
import io.newswire.model.CleanArticle;
import io.newswire.model.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Does matching names in their other spellings make alerts noisier (issue 13)? The rules and the
 * truth are those of {@code ../shared/eval/alert_agreement.py}: every capitalised word of four
 * letters or more, and every capitalised two-word phrase, that occurs in the rendered text of 1 to
 * 3 pages; an alert should fire where the rule occurs in the page's true article text, as a whole
 * word, case kept. The alerter's own matcher then fires the rules on the cleaned text with spelling
 * variants off and on, and on the true text (which isolates what the variants add), and each is
 * scored against that truth, per half of the pages (by the first byte of the SHA-256 of their id,
 * as the extraction figures are) and in all. A phrase is a quoted rule, exact by design, so the
 * single names carry the whole difference.
 */
public final class VariantAgreement {
  /** The command line: {@code ./newswire bench variants --help} lists it. */
  @Command(
      name = "./newswire bench variants",
      description = "alert agreement with and without spelling variants, on the eval pages")
  static final class Options {
    @Option(
        names = "--articles",
        paramLabel = "DIR",
        description = "the pages (default: ${DEFAULT-VALUE})")
    Path articles = Repo.eval().resolve("articles");

    @Option(
        names = "--text",
        paramLabel = "DIR",
        description = "their gold text (default: ${DEFAULT-VALUE})")
    Path text = Repo.eval().resolve("text");

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "show this help")
    boolean help;
  }

  private record Page(String id, String gold, String cleaned) {}

  /** Alerts fired and found right, for one half. */
  private static final class Score {
    long fired;
    long right;
    long truth;
    int pages;

    String line() {
      double p = fired == 0 ? 0 : (double) right / fired;
      double r = truth == 0 ? 0 : (double) right / truth;
      double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
      return String.format(
          "P %.4f R %.4f F1 %.4f, false alerts/page %.3f",
          p, r, f, (double) (fired - right) / Math.max(1, pages));
    }
  }

  public static void main(String[] argv) throws Exception {
    Options args = Args.parse(new Options(), argv);
    Path articles = args.articles;
    Path text = args.text;
    List<Page> pages = pages(articles);
    Map<String, String> rendered = new HashMap<>();
    for (Page page : pages) {
      Path file = text.resolve(page.id() + ".txt");
      rendered.put(
          page.id(), Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "");
    }
    List<Rules.Line> rules = rules(rendered);
    System.err.printf("[bench] %d pages, %d rules%n", pages.size(), rules.size());
    Map<String, Set<String>> truth = new HashMap<>();
    for (Page page : pages) {
      Set<String> fire = new HashSet<>();
      for (Rules.Line rule : rules) {
        if (occurs(page.gold(), unquote(rule.query()))) {
          fire.add(rule.id());
        }
      }
      truth.put(page.id(), fire);
    }
    Map<String, Map<String, Score>> table = new TreeMap<>();
    Map<String, Integer> extraFalse = new HashMap<>();
    Map<String, String> queries = new HashMap<>();
    rules.forEach(r -> queries.put(r.id(), r.query()));
    try (MonitorSide off = new MonitorSide(rules, false);
        MonitorSide on = new MonitorSide(rules, true)) {
      for (Page page : pages) {
        String half = half(page.id());
        Set<String> expected = truth.get(page.id());
        score(
            table,
            "cleaned text, variants off",
            half,
            off.match(article(page.id(), page.cleaned())),
            expected);
        score(
            table,
            "cleaned text, variants on",
            half,
            on.match(article(page.id(), page.cleaned())),
            expected);
        score(
            table,
            "true text, variants off",
            half,
            off.match(article(page.id(), page.gold())),
            expected);
        Set<String> widened = on.match(article(page.id(), page.gold()));
        score(table, "true text, variants on", half, widened, expected);
        widened.removeAll(off.match(article(page.id(), page.gold())));
        widened.removeAll(expected);
        widened.forEach(id -> extraFalse.merge(queries.get(id), 1, Integer::sum));
      }
    }
    System.out.printf("%s: %d pages, %d rules%n", articles, pages.size(), rules.size());
    System.out.printf(
        "  false alerts only the variants add, on the true text: %d, by rule: %s%n",
        extraFalse.values().stream().mapToInt(Integer::intValue).sum(),
        extraFalse.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .limit(60)
            .map(e -> e.getKey() + " " + e.getValue())
            .toList());
    table.forEach(
        (name, halves) ->
            halves.forEach(
                (half, s) -> System.out.printf("  %-28s %-3s %s%n", name, half, s.line())));
  }

  private static void score(
      Map<String, Map<String, Score>> table,
      String name,
      String half,
      Set<String> fired,
      Set<String> expected) {
    for (String h : List.of(half, "all")) {
      Score s =
          table.computeIfAbsent(name, n -> new TreeMap<>()).computeIfAbsent(h, x -> new Score());
      s.pages++;
      s.fired += fired.size();
      s.truth += expected.size();
      for (String id : fired) {
        if (expected.contains(id)) {
          s.right++;
        }
      }
    }
  }

  private static List<Page> pages(Path articles) throws Exception {
    JsonNode truth = Json.mapper().readTree(articles.resolve("ground-truth.json").toFile());
    Extractor extractor = new Extractor();
    List<Path> files;
    try (Stream<Path> list = Files.list(articles)) {
      files = list.filter(f -> f.toString().endsWith(".html")).sorted().toList();
    }
    List<Page> pages = new ArrayList<>();
    for (Path file : files) {
      String id = file.getFileName().toString().replaceFirst("\\.html$", "");
      if (!truth.has(id)) {
        continue;
      }
      String cleaned;
      try {
        Extraction e =
            extractor.extract(
                Files.readString(file, StandardCharsets.UTF_8),
                "text/html",
                truth.path(id).path("url").asText("file:" + file.getFileName()));
        cleaned = e.text();
      } catch (ExtractionException refused) {
        cleaned = "";
      }
      pages.add(new Page(id, truth.path(id).path("articleBody").asText(""), cleaned));
    }
    return pages;
  }

  /** Text only, as the truth is: the title would fire rules the article body does not hold. */
  private static CleanArticle article(String id, String text) {
    return Json.read(
        Json.write(Map.of("schemaVersion", 1, "id", id, "text", text)), CleanArticle.class);
  }

  /**
   * The rules of {@code alert_agreement.py}: capitalised words and two-word phrases on 1 to 3
   * pages.
   */
  private static List<Rules.Line> rules(Map<String, String> rendered) {
    Map<String, Integer> pagesWith = new TreeMap<>();
    for (String text : rendered.values()) {
      Set<String> seen = new LinkedHashSet<>();
      List<String> words = words(text);
      for (int i = 0; i < words.size(); i += 2) {
        String word = words.get(i);
        if (isCapitalised(word, 3)) {
          seen.add(word);
        }
        // a phrase: two capitalised words with one space between (the separator is the next entry)
        if (i + 2 < words.size()
            && words.get(i + 1).equals(" ")
            && isCapitalised(word, 1)
            && isCapitalised(words.get(i + 2), 1)) {
          seen.add('"' + word + " " + words.get(i + 2) + '"');
        }
      }
      seen.forEach(rule -> pagesWith.merge(rule, 1, Integer::sum));
    }
    List<Rules.Line> rules = new ArrayList<>();
    pagesWith.forEach(
        (rule, n) -> {
          if (n <= 3) {
            rules.add(new Rules.Line("r" + rules.size(), rule));
          }
        });
    return rules;
  }

  /**
   * The text as alternating word runs ({@code \w+} in Python's sense) and the separators between
   * them, starting with a word run (empty when the text starts with a separator). Linear, no
   * pattern.
   */
  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int start = i;
      while (i < text.length() && isWordChar(text.charAt(i))) {
        i++;
      }
      out.add(text.substring(start, i));
      start = i;
      while (i < text.length() && !isWordChar(text.charAt(i))) {
        i++;
      }
      out.add(text.substring(start, i));
    }
    return out;
  }

  /** An ASCII capital then at least {@code lower} ASCII lower-case letters, and nothing else. */
  private static boolean isCapitalised(String word, int lower) {
    if (word.length() < 1 + lower || word.charAt(0) < 'A' || word.charAt(0) > 'Z') {
      return false;
    }
    for (int i = 1; i < word.length(); i++) {
      if (word.charAt(i) < 'a' || word.charAt(i) > 'z') {
        return false;
      }
    }
    return true;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static String unquote(String query) {
    return query.startsWith("\"") ? query.substring(1, query.length() - 1) : query;
  }

  /**
   * Whether {@code phrase} occurs in {@code text} as whole words, case kept (Python's {@code
   * \b...\b}).
   */
  static boolean occurs(String text, String phrase) {
    for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
      int end = at + phrase.length();
      if ((at == 0 || !isWordChar(text.charAt(at - 1)))
          && (end == text.length() || !isWordChar(text.charAt(end)))) {
        return true;
      }
    }
    return false;
  }

  private static String half(String id) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
    return (digest[0] & 1) == 0 ? "A" : "B";
  }
}
