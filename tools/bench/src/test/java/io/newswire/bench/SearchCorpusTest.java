package io.newswire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.model.CleanArticle;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The search benchmark's corpus (issue 14), made here from the five seed reports alone. */
class SearchCorpusTest {
  private static SearchCorpus corpus;

  @BeforeAll
  static void load() throws Exception {
    Path seeds = Repo.root().resolve("deploy/seed/reports");
    corpus = SearchCorpus.load(seeds.resolve("no-such-folder"), seeds);
  }

  @Test
  void theSameSizeGivesTheSameArticles() {
    assertEquals(5, corpus.pages());
    assertEquals(corpus.articles(300), corpus.articles(300));
    assertEquals(corpus.articles(300).subList(0, 100), corpus.articles(100));
  }

  @Test
  void everyArticleIsItsOwnReportWithText() {
    List<CleanArticle> articles = corpus.articles(300);
    Set<String> ids = new HashSet<>();
    Set<String> texts = new HashSet<>();
    for (CleanArticle a : articles) {
      assertTrue(ids.add(a.id()), "two articles have the id " + a.id());
      assertFalse(a.text().isBlank(), a.id());
      assertFalse(a.title().isBlank(), a.id());
      assertTrue(a.url().startsWith("https://"), a.url());
      texts.add(a.text());
    }
    // mixing paragraphs of other reports makes new texts, not 5 repeated 60 times
    assertTrue(texts.size() > 200, texts.size() + " distinct texts");
  }

  @Test
  void oneInTwentyIsACopyInAnEarlierArticlesStory() {
    List<CleanArticle> articles = corpus.articles(300);
    Map<String, CleanArticle> byId = new HashMap<>();
    int copies = 0;
    for (CleanArticle a : articles) {
      if (a.duplicateOf() != null) {
        copies++;
        CleanArticle original = byId.get(a.duplicateOf());
        assertTrue(
            original != null, a.id() + " copies an article that is not earlier in the corpus");
        assertEquals(original.storyId(), a.storyId());
        assertEquals(original.text(), a.text());
        assertNotEquals(original.url(), a.url());
      } else {
        assertEquals(a.id(), a.storyId(), "an original is the first of its story");
      }
      byId.put(a.id(), a);
    }
    // articles 20, 40, ..., 280: every twentieth after the five originals
    assertEquals(14, copies);
  }
}
