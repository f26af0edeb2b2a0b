package io.newswire.fetcher.source.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ArticleLinksTest {
  static final URI LISTING = URI.create("https://www.example.org/research/");

  static String accept(String href) {
    return ArticleLinks.accept(LISTING, href);
  }

  @Test
  void articleShapedLinksOfTheSameSiteAreKeptWithoutTheirFragment() {
    assertEquals(
        "https://www.example.org/research/belarus-union-state",
        accept("https://www.example.org/research/belarus-union-state#top"));
    assertEquals(
        "https://example.org/2023/04/03/nato", accept("https://example.org/2023/04/03/nato"));
    assertEquals(
        "https://news.example.org/story/123456", accept("https://news.example.org/story/123456"));
    assertEquals(
        "https://www.example.org/analysis/what-the-numbers-say",
        accept("https://www.example.org/analysis/what-the-numbers-say"));
    assertEquals("https://www.example.org/?p=4711", accept("https://www.example.org/?p=4711"));
    assertEquals(
        "https://www.example.org/research/20230403-brief",
        accept("https://www.example.org/research/20230403-brief"));
  }

  @Test
  void otherSitesTaxonomiesAccountsVariantsAndFilesAreDropped() {
    assertNull(accept("https://www.other.org/research/belarus-union-state"));
    assertNull(accept("https://example.co.uk/research/belarus-union-state"));
    assertNull(accept("https://www.example.org/tag/belarus-union-state"));
    assertNull(accept("https://www.example.org/author/anna-kovalenko-smith"));
    assertNull(accept("https://www.example.org/research/page/2"));
    assertNull(accept("https://www.example.org/research/?page=2"));
    assertNull(accept("https://www.example.org/research/?sort=date"));
    assertNull(accept("https://www.example.org/research/belarus-union-state?share=twitter"));
    assertNull(accept("https://www.example.org/research/belarus-union-state/feed/"));
    assertNull(accept("https://www.example.org/wp-login.php?redirect_to=x"));
    assertNull(accept("https://www.example.org/files/belarus-union-state-full.pdf"));
    assertNull(accept("https://www.example.org/media/2023/04/nato-summit-photo.jpg"));
    assertNull(accept("mailto:press@example.org"));
    assertNull(accept("javascript:void(0)"));
    assertNull(accept("https://www.example.org/research/"));
    assertNull(accept("https://www.example.org/"));
  }

  @Test
  void aSubSectionIsNotAnArticleButAPathBelowTheListingWithMoreThanAWordIs() {
    assertNull(accept("https://www.example.org/research/russia"));
    assertNull(accept("https://www.example.org/events/conference"));
    assertEquals(
        "https://www.example.org/research/russia-nato",
        accept("https://www.example.org/research/russia-nato"));
    assertEquals(
        "https://www.example.org/research/brief.html",
        accept("https://www.example.org/research/brief.html"));
  }

  @Test
  void sameSiteUsesThePublicSuffixList() {
    assertTrue(ArticleLinks.sameSite("www.example.org", "example.org"));
    assertTrue(ArticleLinks.sameSite("www.example.org", "news.example.org"));
    assertFalse(ArticleLinks.sameSite("alice.github.io", "bob.github.io"));
    assertFalse(ArticleLinks.sameSite("a.co.uk", "b.co.uk"));
    assertTrue(ArticleLinks.sameSite("127.0.0.1", "127.0.0.1"));
    assertFalse(ArticleLinks.sameSite("127.0.0.1", "127.0.0.2"));
    assertFalse(ArticleLinks.sameSite("intranet", "other"));
  }
}
