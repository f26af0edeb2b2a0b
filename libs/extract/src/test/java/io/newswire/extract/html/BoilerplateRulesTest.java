package io.newswire.extract.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.extract.Extractor;
import io.newswire.extract.text.Furniture;
import io.newswire.extract.text.TailLines;
import org.junit.jupiter.api.Test;

/**
 * Issue 3: the generic furniture rules — date stamps, lines that close an article, captions, teaser
 * posts, quoted posts, an article split into chunks — each on the kind of line or layout it is
 * meant for, and on article text it must leave alone.
 */
class BoilerplateRulesTest {

  private static final String P1 =
      "The committee met on Tuesday to review the budget proposal, and after a long "
          + "debate its members agreed to send the draft back to the ministry for changes.";
  private static final String P2 =
      "Officials said the revised version would be ready in the spring, once the "
          + "regional offices have sent their figures and the auditors have checked them.";
  private static final String P3 =
      "Opposition members said they would vote against any draft that cut school "
          + "funding, and several of them asked for a public hearing before the final vote.";

  @Test
  void dateStampLinesGoButSentencesAndQuotedPostsWithDatesStay() {
    assertTrue(DateLines.isDateLine("Updated 5:27 am CST, Wednesday, November 20, 2019"));
    assertTrue(DateLines.isDateLine("segunda-feira, 22 de janeiro de 2018 às 0:13"));
    assertTrue(DateLines.isDateLine("By Justine Coleman - 11/18/19 11:04 PM EST"));
    assertFalse(DateLines.isDateLine("— Mike Beauvais (@MikeBeauvais) November 18, 2019"));
    assertFalse(
        DateLines.isDateLine("The council voted on November 18, 2019 to close the old bridge."));
  }

  @Test
  void linesThatAddressTheReaderAreRecognised() {
    assertTrue(
        TailLines.isContactOrPromo(
            "Email Tariq Malik at tmalik@example.com or follow him @tariqjmalik."));
    assertTrue(
        TailLines.isContactOrPromo(
            "Associated Press writers Alan Fram and Zeke Miller contributed to this report."));
    assertTrue(
        TailLines.isAuthorBio("Jeff Foust is the editor and publisher of The Space Review."));
    assertFalse(TailLines.isContactOrPromo(P1));
    assertTrue(Furniture.isRelativeStamp("32M ago"));
    assertTrue(Furniture.isRelativeStamp("Updated 2 hours ago"));
    assertTrue(
        Furniture.isCaption(
            "Protesters have worn masks to protect their identities (Image: GETTY )"));
    assertFalse(Furniture.isCaption("The plan (which the council approved) goes ahead."));
    assertTrue(Furniture.startsComments("34 responses to \u201cWe needed to win this game\u201d"));
    assertTrue(Furniture.startsComments("joetoronto says:"));
    assertTrue(Furniture.isFurniture("Image 3 of 5"));
  }

  @Test
  void teaserPostsNestedAsArticlesAreDroppedAndTheHeadlineIsNotText() {
    String html =
        "<html><head><title>Budget sent back | Example News</title></head><body><main>"
            + "<article class=\"post\"><h1>Budget sent back</h1><p>"
            + P1
            + "</p><p>"
            + P2
            + "</p>"
            + "<h3>You may like</h3>"
            + "<article class=\"post\"><p>"
            + P3
            + "</p></article>"
            + "<article class=\"post\"><p>Another teaser that describes a different story at length, with enough words "
            + "to look like a paragraph of text, and a comma or two, as teasers do.</p></article>"
            + "</article></main></body></html>";
    String text = new Extractor().extract(html, "text/html", null).text();
    assertTrue(text.contains("committee met") && text.contains("revised version"), text);
    assertFalse(text.contains("Opposition members") || text.contains("Another teaser"), text);
    assertFalse(text.startsWith("Budget sent back"), text);
  }

  @Test
  void aQuotedPostInASocialEmbedIsPartOfTheStory() {
    String html =
        "<html><body><article><p>"
            + P1
            + "</p>"
            + "<div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\"><p>Yes this is real and the state "
            + "spent half a million on it</p>\u2014 A Reader (@reader) November 18, 2019</blockquote></div>"
            + "<p>"
            + P2
            + "</p><div class=\"social-share\"><a href=\"#\">Share on Facebook</a></div></article></body></html>";
    String text = new Extractor().extract(html, "text/html", null).text();
    assertTrue(text.contains("Yes this is real"), text);
    assertFalse(text.contains("Share on Facebook"), text);
  }

  @Test
  void anArticleCutIntoChunksByAdsIsReadWhole() {
    String chunk =
        "<div class=\"grid\"><div class=\"body__container\"><p>%s</p><p>%s</p></div>"
            + "<div class=\"ad-rail\"><a href=\"/x\">Advertisement</a></div></div>";
    String html =
        "<html><body><article><div class=\"chunks\">"
            + String.format(chunk, P1, P2)
            + String.format(chunk, P3, P3.replace("Opposition", "Union"))
            + "</div></article></body></html>";
    String text = new Extractor().extract(html, "text/html", null).text();
    assertTrue(
        text.contains("committee met")
            && text.contains("Opposition members")
            && text.contains("Union"),
        text);
  }

  @Test
  void aLeadSetApartAboveTheBodysLayoutJoinsIt() {
    String lead =
        "The regional council approved the new budget on Tuesday after a debate that lasted well"
            + " into the night.";
    String body = paragraphs(P1, P2, P3, P1.replace("Tuesday", "Friday"));
    String rail =
        "<div class=\"rail\"><h4>Team pages</h4><a href=\"/a\">Scores</a> <a href=\"/b\">"
            + "Fixtures</a> <a href=\"/c\">Tables</a></div>";
    String html =
        "<html><body><div id=\"story\"><h1>Budget approved</h1><p>"
            + lead
            + "</p><div class=\"advert\"><div id=\"slot\"></div></div><div class=\"layout\">"
            + rail
            + "<div class=\"text\">"
            + body
            + "</div></div></div>"
            + "<div id=\"more\"><p>An unrelated teaser about the weather, which is set to turn"
            + " colder over the weekend.</p></div></body></html>";
    String text = new Extractor().extract(html, "text/html", null).text();
    assertTrue(text.startsWith("The regional council approved"), text);
    assertTrue(text.contains("Opposition members"), text);
    assertFalse(text.contains("Scores") || text.contains("weather"), text);
  }

  @Test
  void commentsRunningOnInOneBlockAfterTheirHeaderEndTheArticle() {
    String html =
        "<html><body><div class=\"story\">"
            + paragraphs(P1, P2, P3)
            + "<hr><b>Comments are now closed for this story</b><br><br><b>Jane R</b><br>"
            + "The council should have cut the budget years ago, and everyone in this town knows"
            + " it, whatever the ministry says now.<br><hr><b>Sam</b><br>Agreed, the debt is a"
            + " drain on every one of us and it grows every year.</div></body></html>";
    String text = new Extractor().extract(html, "text/html", null).text();
    assertTrue(text.contains("Opposition members"), text);
    assertFalse(text.contains("Comments are now closed") || text.contains("Agreed"), text);
  }

  @Test
  void aCommentsHeaderEndsEvenAShortPostButACountNeedsMore() {
    String comments =
        "<p class=\"posted\">Posted by Kathy on April 6, 2007 | <a href=\"/p\">Permalink</a></p>"
            + "<h2>Comments</h2><p>Wow, that is a shock to read. I only found this blog last month"
            + " and it has been a great read ever since.</p><p>Some people are sick, and I am"
            + " sorry this is happening to you; I hope the police find them soon.</p><p>I read"
            + " every post you write, and I will miss them while you are away from here.</p>";
    String html =
        "<html><body><div class=\"content\"><h3>Why I cancelled my talks</h3>"
            + paragraphs(P1, P2)
            + comments
            + "</div></body></html>";
    String text = new Extractor().extract(html, "text/html", null).text();
    assertTrue(text.contains("Officials said"), text);
    assertFalse(text.contains("Wow") || text.contains("police"), text);
    // a bare count beside the byline stands above the article, which goes on under it
    String counted =
        "<html><body><div class=\"content\">"
            + paragraphs(P1, "Comments (12)", P2, P3)
            + "</div></body></html>";
    assertTrue(new Extractor().extract(counted, "text/html", null).text().contains("Opposition"));
  }

  @Test
  void aMarkerAfterTheArticleTakesWhatTheTeasersLeaveWithIt() {
    String teasers =
        "<h3>Recommended for you</h3><div class=\"box\"><p>Shares</p><p>107</p><p>A summary of"
            + " another story about the city's new tram line, which opens to passengers in"
            + " May.</p></div>";
    String html =
        "<html><body><div class=\"post\">"
            + paragraphs(P1, P2, P3)
            + teasers
            + "</div></body></html>";
    String text = new Extractor().extract(html, "text/html", null).text();
    assertTrue(text.contains("Opposition members"), text);
    assertFalse(text.contains("Recommended") || text.contains("tram"), text);
    // the same heading over a box inside the article: more of the article follows than came before
    String inside =
        "<html><body><div class=\"post\">"
            + paragraphs(P1, P2, P3)
            + teasers
            + paragraphs(
                P1.replace("Tuesday", "Monday"),
                P2.replace("spring", "autumn"),
                P3.replace("Opposition", "Union"),
                P1.replace("Tuesday", "Sunday"))
            + "</div></body></html>";
    String whole = new Extractor().extract(inside, "text/html", null).text();
    assertTrue(whole.contains("Sunday"), whole);
    // a "Related stories" box floated between paragraphs: the article resumes outside it
    String floated =
        "<html><body><div class=\"story\">"
            + paragraphs(P1, P2, P3, P1.replace("Tuesday", "Thursday"))
            + "<div class=\"float\"><h3>Related stories</h3><p>A summary of another story"
            + " about the city's new tram line, which opens to passengers in May.</p></div>"
            + paragraphs(P2.replace("spring", "autumn"))
            + "</div></body></html>";
    String resumed = new Extractor().extract(floated, "text/html", null).text();
    assertTrue(resumed.contains("autumn"), resumed);
    assertFalse(resumed.contains("tram"), resumed);
  }

  /** Each text as a {@code <p>} of its own. */
  private static String paragraphs(String... texts) {
    StringBuilder html = new StringBuilder();
    for (String t : texts) {
      html.append("<p>").append(t).append("</p>");
    }
    return html.toString();
  }
}
