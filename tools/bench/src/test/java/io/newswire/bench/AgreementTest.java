package io.newswire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newswire.model.CleanArticle;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgreementTest {
  private static CleanArticle article(String id) {
    return new CleanArticle(
        1,
        id,
        "https://example.org/" + id,
        "s",
        "t",
        null,
        List.of(),
        null,
        null,
        "x",
        "h",
        "v",
        null,
        null);
  }

  @Test
  void countsMatchesOnBothSidesAndListsEachSidesExtras() {
    Agreement agreement = new Agreement();
    agreement.compare(article("a"), Set.of("r1", "r2"), Set.of("r1", "r2"));
    agreement.compare(article("b"), Set.of("r1", "r3"), Set.of("r1", "r4", "r5"));

    assertEquals(2, agreement.articles());
    assertEquals(3, agreement.agreedMatches());
    assertEquals(1, agreement.onlyMonitor());
    assertEquals(2, agreement.onlyPercolator());
    Agreement.Difference d = agreement.differences().get(0);
    assertEquals("b", d.articleId());
    assertEquals(Set.of("r3"), d.onlyMonitor());
    assertEquals(Set.of("r4", "r5"), d.onlyPercolator());
  }

  @Test
  void medianAveragesTheMiddlePairAndQuantilesUseNearestRank() {
    assertEquals(2.5, Stats.median(new double[] {4, 1, 2, 3}));
    assertEquals(3.0, Stats.median(new double[] {5, 1, 3}));
    assertEquals(99.0, Stats.quantile(sequence(100), 0.99));
    assertEquals(1.0, Stats.quantile(sequence(100), 0));
  }

  private static double[] sequence(int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = i + 1;
    }
    return out;
  }
}
