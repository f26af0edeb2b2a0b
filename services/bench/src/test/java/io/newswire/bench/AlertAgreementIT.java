package io.newswire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newswire.extract.bench.EvalSet;
import io.newswire.model.CleanArticle;
import io.newswire.stack.EmbeddedStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 5: "a rule means exactly what the same query means when searching". A sample of the
 * benchmark's rules, matched by the alerter's Lucene Monitor and by Elasticsearch's percolator
 * (query_string over title and text, default_operator AND) over cleaned eval pages, must fire on
 * exactly the same articles.
 */
class AlertAgreementIT {
  private static final int RULES = 300;
  private static final int ARTICLES = 40;

  @Test
  void monitorMatchesWhatElasticsearchMatches() throws Exception {
    Path eval = EvalSet.evalRoot().orElse(null);
    assumeTrue(eval != null && Files.exists(eval.resolve("rules-10k.txt")), "no ../shared/eval here");
    List<Rules.Line> rules = Rules.read(eval.resolve("rules-10k.txt"), RULES, 10_000 / RULES);
    List<CleanArticle> articles = EvalArticles.load(eval.resolve("articles"), ARTICLES).articles();

    EmbeddedStack stack = EmbeddedStack.shared(System.out::println);
    PercolatorSide percolator = new PercolatorSide(new EsHttp(stack.elasticsearchUrl()), "agreement-it", rules);
    Agreement agreement = new Agreement();
    try (MonitorSide monitor = new MonitorSide(rules)) {
      assertEquals(percolator.rejected().keySet(), monitor.rejected().keySet(),
          "the alerter rejects exactly the rules Elasticsearch rejects");
      List<Set<String>> percolated = percolator.match(articles);
      for (int i = 0; i < articles.size(); i++) {
        agreement.compare(articles.get(i), monitor.match(articles.get(i)), percolated.get(i));
      }
    }
    System.out.printf("agreement: %d rules (%d rejected), %d articles, %d matches on both sides, %d differences%n",
        rules.size(), percolator.rejected().size(), articles.size(), agreement.agreedMatches(),
        agreement.differences().size());
    assertTrue(agreement.agreedMatches() > 0, "the sample should fire some rules");
    assertEquals(List.of(), agreement.differences(), "rules matched by only one side, per article");
  }
}
