package io.newswire.bench;

import io.newswire.extract.Extractor;
import io.newswire.extract.story.TextFingerprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Pages per second on one thread for jsoup's parse alone (the floor no DOM extractor can beat) and
 * for the full extraction, measured in the same JVM in alternating rounds so that both see the same
 * machine load.
 *
 * <pre>
 * java -cp target/classes:$(cat target/classpath.txt) io.newswire.extract.bench.ExtractBenchmark [DIR] [ROUNDS]
 * </pre>
 *
 * DIR defaults to ../shared/eval/articles found from the repository root.
 */
public final class ExtractBenchmark {

  private static final int WARMUP_ROUNDS = 5;

  /** The command line: {@code ./newswire bench extract --help} lists it. */
  @Command(
      name = "./newswire bench extract",
      description = "extraction pages/s per thread against jsoup's parse alone")
  static final class Options {
    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "DIR",
        description = "the pages (default: ../shared/eval/articles)")
    Path dir;

    @Parameters(
        index = "1",
        arity = "0..1",
        paramLabel = "ROUNDS",
        description = "measured rounds (default: ${DEFAULT-VALUE})")
    int rounds = 10;

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "show this help")
    boolean help;
  }

  private ExtractBenchmark() {}

  public static void main(String[] argv) throws IOException {
    Options args = Args.parse(new Options(), argv);
    Path dir =
        args.dir != null
            ? args.dir
            : EvalSet.locate()
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "no eval set found; pass the articles directory"));
    int rounds = args.rounds;
    List<String> pages = load(dir);
    Extractor extractor = new Extractor();
    long sink = 0;
    for (int i = 0; i < WARMUP_ROUNDS; i++) {
      sink += parseRound(pages) + extractRound(extractor, pages);
    }
    List<String> texts = new ArrayList<>();
    for (String html : pages) {
      texts.add(extractor.extract(html, "text/html", null).text());
    }
    double[] parse = new double[rounds];
    double[] extract = new double[rounds];
    double[] fingerprint = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      sink += parseRound(pages);
      long t1 = System.nanoTime();
      sink += extractRound(extractor, pages);
      long t2 = System.nanoTime();
      for (String text : texts) {
        TextFingerprint f = TextFingerprint.of(text);
        sink += f == null ? 0 : f.shingles();
      }
      long t3 = System.nanoTime();
      parse[r] = pages.size() / ((t1 - t0) / 1e9);
      extract[r] = pages.size() / ((t2 - t1) / 1e9);
      // issue 13's cost per article, as a share of the extraction of the same round
      fingerprint[r] = (double) (t3 - t2) / (t2 - t1);
    }
    double p = median(parse);
    double e = median(extract);
    System.out.printf(
        Locale.ROOT,
        "%d pages, %d rounds after %d warm-up rounds, one thread (sink %d)%n",
        pages.size(),
        rounds,
        WARMUP_ROUNDS,
        sink % 10);
    System.out.printf(
        Locale.ROOT, "jsoup parse only : %7.1f pages/s (median; best %.1f)%n", p, max(parse));
    System.out.printf(
        Locale.ROOT, "full extraction  : %7.1f pages/s (median; best %.1f)%n", e, max(extract));
    System.out.printf(Locale.ROOT, "ratio extraction/parse: %.2f%n", e / p);
    System.out.printf(
        Locale.ROOT,
        "story fingerprint of the cleaned text: %.3f of the extraction's time (median"
            + " of per-round ratios), %.3f ms per article%n",
        median(fingerprint),
        median(fingerprint) / e * 1000);
  }

  private static long parseRound(List<String> pages) {
    long n = 0;
    for (String html : pages) {
      n += Jsoup.parse(html).childNodeSize();
    }
    return n;
  }

  private static long extractRound(Extractor extractor, List<String> pages) {
    long n = 0;
    for (String html : pages) {
      n += extractor.extract(html, "text/html", null).text().length();
    }
    return n;
  }

  private static List<String> load(Path dir) throws IOException {
    List<String> pages = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
        pages.add(Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return pages;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElse(0);
  }
}
