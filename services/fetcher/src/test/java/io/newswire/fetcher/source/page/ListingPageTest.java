package io.newswire.fetcher.source.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.fetcher.TestServer;
import io.newswire.fetcher.source.FeedItem;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The listing heuristic on saved pages, no server. */
class ListingPageTest {
  static final String BASE = "https://www.eurasia-monitor.example.org";

  static ListingPage.Result read(String resource, String pageUrl) {
    return ListingPage.read(
        TestServer.fixture(resource).replace("{{base}}", BASE), URI.create(pageUrl));
  }

  static List<String> links(ListingPage.Result r) {
    return r.items().stream().map(FeedItem::link).toList();
  }

  @Test
  void aSectionPageYieldsItsArticleLinksInPageOrderWithoutFurnitureTagsOrVariants() {
    ListingPage.Result r = read("pages/listing.html", BASE + "/reports/");
    assertTrue(r.listing(), r.why());
    // not: nav, breadcrumbs, sort/fragment variants, author/category, share, PDF, pagination,
    // the aside's "most read", the footer's archive link, another site's report
    assertEquals(
        List.of(
            BASE + "/reports/000.html",
            BASE + "/reports/001.html",
            BASE + "/reports/002.html",
            BASE + "/reports/003.html",
            BASE + "/reports/004.html"),
        links(r));
    FeedItem first = r.items().get(0);
    assertEquals("Russia's Foreign Policy Concept and NATO", first.metadata().title());
    assertEquals("2023-04-03", first.metadata().published());
    assertEquals(
        "The Lachin Corridor Blockade, Four Months On", r.items().get(2).metadata().title());
  }

  @Test
  void anArticleEndingInALinkListIsNotAListing() {
    ListingPage.Result declared =
        read("pages/article-related.html", BASE + "/reports/minsk-after-the-referendum");
    assertFalse(declared.listing(), declared.why());
    // the same page without og:type and JSON-LD: its prose outweighs the related links all the same
    String plain =
        TestServer.fixture("pages/article-related.html")
            .replaceAll("<meta property=\"og:type\"[^>]*>", "")
            .replaceAll("(?s)<script type=\"application/ld\\+json\">.*?</script>", "");
    ListingPage.Result undeclared =
        ListingPage.read(plain, URI.create(BASE + "/reports/minsk-after-the-referendum"));
    assertFalse(undeclared.listing(), undeclared.why());
  }

  @Test
  void aHomePageWithoutMainKeepsDatedSluggedAndNumberedLinksOnly() {
    ListingPage.Result r = read("pages/home-listing.html", "https://kavkaz.example.am/");
    assertTrue(r.listing(), r.why());
    assertEquals(
        List.of(
            "https://kavkaz.example.am/2023/04/03/lachin-corridor-four-months-on",
            "https://kavkaz.example.am/news/184467",
            "https://kavkaz.example.am/news/184470-stepanakert-gas-supply",
            "https://kavkaz.example.am/politics/%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B-%D0%B2-%D0%BF%D0%B0%D1%80%D0%BB%D0%B0%D0%BC%D0%B5%D0%BD%D1%82-%D0%B0%D1%80%D0%BC%D0%B5%D0%BD%D0%B8%D0%B8-%D0%B8%D1%82%D0%BE%D0%B3%D0%B8"),
        links(r));
    assertEquals("Лачинский коридор: четыре месяца спустя", r.items().get(0).metadata().title());
    assertEquals(
        "Ереван и Баку обменялись проектами мирного договора", r.items().get(1).metadata().title());
  }

  @Test
  void aPageWithOneOrTwoArticleLinksIsOneDocument() {
    String html =
        "<html><body><main><h1>Notice</h1><p>Short text.</p>"
            + "<a href=\"/2023/04/03/one-linked-report\">One linked report here</a>"
            + "<a href=\"/2023/04/04/another-linked-report\">Another linked report here</a></main></body></html>";
    ListingPage.Result r = ListingPage.read(html, URI.create(BASE + "/notice"));
    assertFalse(r.listing());
    assertTrue(r.items().isEmpty());
  }

  @Test
  void aCardWithoutHeadingOrTitleLikeTextHasNoTitle() {
    String html =
        "<html><body><main><ul>"
            + "<li><a href=\"/reports/a-first-long-report\">Read</a></li>"
            + "<li><a href=\"/reports/a-second-long-report\">Read</a></li>"
            + "<li><a href=\"/reports/a-third-long-report\">Read</a></li></ul></main></body></html>";
    ListingPage.Result r = ListingPage.read(html, URI.create(BASE + "/reports/"));
    assertTrue(r.listing(), r.why());
    assertNull(r.items().get(0).metadata().title());
  }
}
