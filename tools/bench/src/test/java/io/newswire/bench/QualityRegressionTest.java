package io.newswire.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.extract.ExtractionException;
import io.newswire.extract.Extractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issues 3 and 11: extraction quality on the shared development corpora must not fall more than
 * 0.01 F1 below the figure recorded for this version in {@code quality-baseline.properties}. The
 * corpora live outside the repository ({@code ../shared/eval} and {@code ../shared/eval-wide});
 * without them the test is skipped.
 */
class QualityRegressionTest {

  private static final double TOLERANCE = 0.01;

  @ParameterizedTest(name = "{0}/{1} as {2}")
  @CsvSource({
    "eval, articles, text/html, .html",
    "eval, text, text/plain, .txt",
    "eval-wide, articles, text/html, .html",
    "eval-wide, text, text/plain, .txt"
  })
  void f1StaysAtTheRecordedFigure(String corpus, String set, String contentType, String extension)
      throws IOException {
    Optional<Path> eval = EvalSet.evalRoot();
    assumeTrue(
        eval.isPresent(),
        "../shared/eval not found next to the repository root; quality test skipped");
    Path dir = eval.get().resolveSibling(corpus).resolve(set);
    assumeTrue(
        Files.isRegularFile(dir.resolve("ground-truth.json")),
        "no " + dir + "/ground-truth.json; skipped");

    JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
    Extractor extractor = new Extractor();
    ShingleScore score = new ShingleScore();
    for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> doc = it.next();
      String body = Files.readString(dir.resolve(doc.getKey() + extension), StandardCharsets.UTF_8);
      String predicted;
      try {
        predicted = extractor.extract(body, contentType, null).text();
      } catch (ExtractionException e) {
        predicted = "";
      }
      score.add(doc.getValue().get("articleBody").asText(), predicted);
    }
    double recorded = Double.parseDouble(baseline().getProperty(corpus + "." + set + ".f1"));
    String measured =
        String.format(
            Locale.ROOT,
            "%s/%s: F1=%.4f P=%.4f R=%.4f (recorded %.4f)",
            corpus,
            set,
            score.f1(),
            score.precision(),
            score.recall(),
            recorded);
    System.out.println(measured);
    assertTrue(score.f1() >= recorded - TOLERANCE, measured);
  }

  private static Properties baseline() throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        QualityRegressionTest.class.getResourceAsStream("/quality-baseline.properties")) {
      p.load(in);
    }
    return p;
  }
}
