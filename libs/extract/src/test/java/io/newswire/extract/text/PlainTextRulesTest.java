package io.newswire.extract.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.extract.Extraction;
import io.newswire.extract.Extractor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: the rules of the plain-text path, each on crafted text — the kind of line it is meant
 * for, and article text it must leave alone.
 */
class PlainTextRulesTest {

  private static final Extractor EXTRACTOR = new Extractor();

  private static final String P1 =
      "The committee met on Tuesday to review the budget proposal, and after a long "
          + "debate its members agreed to send the draft back to the ministry for changes.";
  private static final String P2 =
      "Officials said the revised version would be ready in the spring, once the "
          + "regional offices have sent their figures and the auditors have checked them.";
  private static final String P3 =
      "Opposition members said they would vote against any draft that cut school "
          + "funding, and several of them asked for a public hearing before the final vote.";

  private static String clean(String... lines) {
    return EXTRACTOR.extract(String.join("\n\n", lines), "text/plain", null).text();
  }

  @Test
  void teaserHeadlinesAsLongAsProseAreNotTheReport() {
    String text =
        clean(
            "Budget Sent Back",
            P1,
            P2,
            P3,
            "Why The City Council Finally Voted To Close The Old Bridge After Twenty Long Years",
            "Witness One Woman's Descent Into Madness As Her Coworkers Steal Her Lunch Every Day",
            "Five Mountain Towns Where The Winter Lasts Longer Than Anywhere Else In The Country");
    assertTrue(text.startsWith(P1));
    assertTrue(text.endsWith(P3));
    assertFalse(text.contains("Bridge"));
    assertFalse(text.contains("Madness"));
  }

  @Test
  void aLongSentenceInTheReportStaysWhateverItsCapitals() {
    String quote =
        "Members of the Regional Audit Office, the Ministry of Finance and the National Bank of"
            + " Northern Provinces met in Geneva on Monday.";
    String text = clean("Budget Sent Back", P1, quote, P2, P3);
    assertTrue(text.contains(quote));
  }

  @Test
  void headingsOverOtherArticlesFilingLinesAndCommentInvitesEndTheReport() {
    assertTrue(Furniture.endsArticle("More tennis news..."));
    assertTrue(Furniture.endsArticle("More Articles in Sports \u00bb"));
    assertTrue(Furniture.endsArticle("Also In The News"));
    assertTrue(Furniture.endsArticle("Tags: budget, ministry, school funding, public hearing"));
    assertTrue(
        Furniture.endsArticle(
            "This entry was posted on Saturday, August 25th, 2012 at 12:23 am and is filed under"
                + " News."));
    assertTrue(Furniture.endsArticle("Post your comment:"));
    assertTrue(Furniture.endsArticle("Reader Comments (3)"));
    assertFalse(Furniture.endsArticle("Reader comments were mostly kind."));
    assertFalse(Furniture.endsArticle("More About The Old Bridge"));
    assertFalse(Furniture.endsArticle("More than forty people came."));
    assertFalse(Furniture.endsArticle("Also on Monday, the mayor resigned."));
    String text =
        clean(
            P1,
            P2,
            P3,
            "More world news...",
            "Officials in the capital said the new rail line would open in the spring, after the"
                + " last inspections of the bridges and tunnels along the route.");
    assertTrue(text.endsWith(P3));
  }

  @Test
  void aSubheadingStartingWithMoreKeepsTheRestOfTheReport() {
    String text = clean(P1, P2, P3, "More About The Old Bridge", P1.replace("Tuesday", "Friday"));
    assertTrue(text.contains("Friday"));
  }

  @Test
  void captionsCreditedInParenthesesOrAfterACopyrightSignGo() {
    assertTrue(
        Furniture.isTextCaption(
            "A worker loads door trims into his truck outside a store in Hialeah, Fla. (AP"
                + " Photo/Alan Diaz, File)"));
    assertTrue(
        Furniture.isTextCaption(
            "The two founders pose for a photo on June 28, 2019. (Photo by Jane Roe/Getty Images)"));
    assertTrue(
        Furniture.isTextCaption("A cyclist rides past the plant. \u00a9 Reuters / John Roe"));
    assertFalse(
        Furniture.isTextCaption(
            "The minister said the talks would go on next week, according to the agency. (ANI)"));
    assertFalse(Furniture.isTextCaption(P1 + " (The vote was 12 to 3.)"));
    String caption = "Members of the committee leave the hall on Tuesday. (Jane Roe/Reuters)";
    String text = clean(P1, caption, P2, P3);
    assertFalse(text.contains("Reuters"));
    assertTrue(text.contains(P2));
  }

  @Test
  void aBlockOfContactDetailsIsNotTheReportHoweverLong() {
    String block =
        "Our customer service centre answers questions and requests: Telephone 03-555 0101,"
            + " extension 4, or 03-555 0102; Fax: 03-555 0199; E-mail: help@example.org. It is"
            + " staffed Sundays through Thursdays between 07:00 and 14:00. From abroad: Telephone"
            + " +44 20 7946 0958, Fax +44 20 7946 0959, E-mail: abroad@example.org";
    assertTrue(Furniture.isContactBlock(block));
    // a paragraph telling readers whom to call keeps a sentence around each number
    assertFalse(
        Furniture.isContactBlock(
            "Tickets cost 65 pounds and can be booked through the box office at the theatre or"
                + " by calling 020 7946 0000. For discounted block, school or corporate bookings,"
                + " contact the sales office on 020 7946 0001 or 020 7946 0002, which is open on"
                + " weekdays from nine until five and on Saturdays until noon."));
    assertFalse(Furniture.isContactBlock("Call 020 7946 0000 or 020 7946 0001 now."));
    String text = clean(P1, P2, block);
    assertTrue(text.contains(P2) && !text.contains("customer service"), text);
  }

  @Test
  void anAboutHeadingClosingTheReportGoesWithTheBioUnderIt() {
    assertTrue(TailLines.isAboutHeading("About Jane Roe"));
    assertTrue(TailLines.isAboutHeading("\u00dcber Moritz Beispiel"));
    assertTrue(TailLines.isAboutHeading("About the author:"));
    assertFalse(TailLines.isAboutHeading("About twenty people came"));
    String bio =
        "Jane Roe covers the city council and its budget, and before that spent ten years at the"
            + " regional paper, where she wrote about schools.";
    String text = clean(P1, P2, P3, "About Jane Roe", bio);
    assertTrue(text.endsWith(P3));
    String inside = clean(P1, "About Jane Roe", bio, P2, P3);
    assertTrue(inside.contains(bio));
  }

  @Test
  void aBylineWithItsDateNamesTheAuthorsAndIsNotText() {
    Extraction e =
        EXTRACTOR.extract(
            String.join(
                "\n\n",
                "Budget Sent Back",
                "By Jane Roe , John Doe on Monday, November 18th, 2019 at 11:08 a.m.",
                P1,
                P2,
                P3),
            "text/plain",
            null);
    assertTrue(e.text().startsWith(P1));
    assertEquals(List.of("Jane Roe", "John Doe"), e.authors());
    assertFalse(
        new HeaderReader()
            .readByline(new Line("By the end of the day, on Monday, November 18, 2019", true)));
  }

  @Test
  void theSitesLegalNoticesAreNotText() {
    String notice =
        "This material may not be published, broadcast, rewritten, or redistributed. All rights"
            + " reserved. Privacy Policy";
    String text = clean(P1, P2, notice, P3);
    assertFalse(text.contains("redistributed"));
    assertTrue(text.endsWith(P3));
  }

  @Test
  void aBlogsLinksToThePreviousAndNextPostsAreNotText() {
    assertTrue(
        new Line(
                "\u00ab The council votes on the bridge and the budget next week | Main | Ten"
                    + " things we learned at the public hearing on school funding \u00bb",
                true)
            .isSeparatedList());
    assertFalse(
        new Line("\u00ab Nous irons jusqu'au bout \u00bb, a dit la ministre mardi.", true)
            .isSeparatedList());
  }

  @Test
  void aFilingLineEndsThePostEvenWhenCommentsReadLikeMoreOfIt() {
    String comment =
        "I was at the hearing too and the members of the committee were right to send the draft"
            + " back, the cuts to the schools would have been a disaster for us.";
    String text =
        clean(
            P1,
            P2,
            P3,
            "This entry was written by jane, posted on 9/10/2012 at 1:38 pm.",
            "Bookmark the permalink. Follow any comments here with the RSS feed for this post.",
            "Ann",
            comment,
            "Bob",
            comment.replace("hearing", "meeting"),
            "Carl",
            comment.replace("hearing", "session"));
    assertTrue(text.endsWith(P3));
    assertTrue(Furniture.isFilingLine("Tags: budget, schools"));
    assertFalse(Furniture.isFilingLine("Taxes are filed under a new law this year."));
  }

  @Test
  void aCommentsDateLineEndingInItsActionLinkStartsTheComments() {
    assertTrue(Furniture.startsComments("Posted 9/11/2012 at 2:36 pm | Permalink"));
    assertTrue(Furniture.startsComments("Ann, 12 March | Reply"));
    assertTrue(Furniture.startsComments("by Ann Roe on Aug 8, 2012 9:37 AM MST reply actions"));
    assertTrue(Furniture.startsComments("Ann Roe 12 March 2012 at 10:15 Reply \u2193"));
    assertFalse(Furniture.startsComments("The minister did not reply."));
  }

  @Test
  void aCommentFormsStockWordingIsNotText() {
    String notice =
        "You can follow any responses to this entry through the RSS 2.0 feed. You can leave a"
            + " response, or trackback from your own site.";
    String form = "Your email address will not be published. Required fields are marked *";
    assertTrue(Furniture.isCommentForm(notice));
    assertFalse(Furniture.isCommentForm(P1));
    String text = clean("Quote of the Day", P1, P2, notice, "Leave a Reply", form);
    assertTrue(text.endsWith(P2));
  }
}
