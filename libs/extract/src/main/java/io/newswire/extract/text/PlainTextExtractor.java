package io.newswire.extract.text;

import io.newswire.extract.Deadline;
import io.newswire.extract.Extraction;
import io.newswire.extract.ExtractionException;
import io.newswire.extract.meta.LanguageDetection;
import io.newswire.extract.site.SitePage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Main text of a plain-text report (a page copied out of a browser or a PDF, furniture included).
 * The body is the stretch of lines with the most prose: each line scores by its length, short and
 * furniture lines cost a little, and the best-scoring contiguous run wins, so menus above and
 * footers below fall away while short lines inside the article (subheadings, one-line paragraphs)
 * stay. Lines above the body are read for title, date, authors and section.
 */
public final class PlainTextExtractor {

  /** A line this long is prose. */
  private static final int PROSE_WORDS = 12;

  /**
   * Before a "Continue reading"-style marker ends the report, this many prose lines must have been
   * seen.
   */
  private static final int MIN_PROSE_BEFORE_TAIL = 3;

  /** Comments follow even a one-paragraph report; a bare count of them ends it only after three. */
  private static final int MIN_PROSE_BEFORE_COMMENTS = 1;

  /** This many short non-sentence lines in a row are a block of links, not text. */
  private static final int LINK_RUN = 3;

  /** A box of links inside the report holds at most this many lines after its heading. */
  private static final int INLINE_BOX_LINES = 5;

  private static final int REPEATS = 2;
  private static final double MAX_REPEATED_SHARE = 0.2;

  /** Share of the body's prose words after which a block of links ends the report. */
  private static final double LATE_SHARE = 0.7;

  /** Score of a relative time stamp line; a teaser's summary rarely runs past this many words. */
  private static final int STAMP_COST = 30;

  /**
   * A line cut short with an ellipsis under this many words is a teaser's summary (headline,
   * dateline and the first sentence run together reach 50); longer ones are paragraphs that trail
   * off.
   */
  private static final int TEASER_WORDS = 60;

  /** Share of capitalised longer words that sets a line as long as prose as a headline. */
  private static final double HEADLINE_CAPITALS = 0.8;

  /** A closing bio holds at most this many paragraphs and words after its heading. */
  private static final int BIO_PARAGRAPHS = 2;

  private static final int BIO_WORDS = 150;

  /** A legal notice this short is the site's, not part of the report. */
  private static final int LEGAL_CHARS = 400;

  private PlainTextExtractor() {}

  public static Extraction extract(String input, List<String> warnings) {
    return extract(input, warnings, SitePage.NONE, Deadline.NONE);
  }

  /**
   * @param site the memory of the report's site: lines it repeats on other pages are furniture,
   *     unless that leaves nothing
   */
  public static Extraction extract(
      String input, List<String> warnings, SitePage site, Deadline deadline) {
    List<Line> lines = lines(input, deadline);
    HeaderReader header = new HeaderReader();
    for (Line l : lines) {
      deadline.tick();
      site.see(l.text);
      l.furniture =
          Furniture.isFurniture(l.text)
              || Furniture.isNotice(l.text)
              || Furniture.isTextCaption(l.text)
              || (l.text.length() <= LEGAL_CHARS && Furniture.isLegal(l.text))
              || Furniture.isCommentForm(l.text)
              || Furniture.isContactBlock(l.text)
              || l.isSeparatedList()
              || site.isFurniture(l.text);
      l.byline = header.readByline(l);
    }
    // a "Latest …" heading in a sidebar above the report must not cut it: markers count from where
    // the
    // best run over the whole text starts
    markRepeats(lines);
    int end = tailCut(lines, bestRun(lines, lines.size())[0], deadline);
    int[] body = bestRun(lines, end);
    body[0] = skipHeading(lines, body[0], body[1]);
    header.readHeader(lines.subList(Math.max(0, body[0] - 20), body[0]));
    boolean[] menu = linkRuns(lines, body[0], body[1]);
    body[1] = cutAtLateLinkRun(lines, body[0], body[1], menu);
    List<String> paragraphs = new ArrayList<>();
    String titleKey = header.title == null ? null : header.title.toLowerCase(Locale.ROOT);
    for (int i = body[0]; i < body[1]; i++) {
      Line l = lines.get(i);
      if (l.furniture
          || l.byline
          || menu[i - body[0]]
          || (titleKey != null && l.text.toLowerCase(Locale.ROOT).equals(titleKey))
          || (l.words <= 8 && HeaderReader.isDateLine(l) && i < body[0] + 3)) {
        continue;
      }
      paragraphs.add(l.text);
    }
    // the lines closing the report that address the reader: how to reach the author, who they are
    while (paragraphs.size() > 1
        && paragraphs.get(paragraphs.size() - 1).length() < 400
        && TailLines.isContactOrPromo(paragraphs.get(paragraphs.size() - 1))) {
      paragraphs.remove(paragraphs.size() - 1);
    }
    dropClosingBio(paragraphs);
    paragraphs = PageBreaks.join(paragraphs);
    if (paragraphs.isEmpty() && site != SitePage.NONE) {
      return extract(input, warnings, SitePage.NONE, deadline);
    }
    if (paragraphs.isEmpty()) {
      throw new ExtractionException("no text left after cleaning");
    }
    String text = String.join("\n\n", paragraphs);
    return new Extraction(
        header.title,
        header.published,
        header.authors,
        LanguageDetection.detect(text, null),
        header.section,
        text,
        warnings);
  }

  /**
   * A heading "About Jane Roe" ("Über …", "Sobre …", "About the author") among the last {@value
   * #BIO_PARAGRAPHS} paragraphs heads the author's or the company's bio that closes the page: it
   * goes with what follows it, provided the report keeps more than it loses.
   */
  private static void dropClosingBio(List<String> paragraphs) {
    int n = paragraphs.size();
    for (int i = Math.max(1, n - 1 - BIO_PARAGRAPHS); i < n; i++) {
      if (!TailLines.isAboutHeading(paragraphs.get(i))) {
        continue;
      }
      int before = 0;
      int after = 0;
      for (int j = 0; j < n; j++) {
        int w = Furniture.words(paragraphs.get(j));
        if (j < i) {
          before += w;
        } else {
          after += w;
        }
      }
      if (after < before && after <= BIO_WORDS) {
        paragraphs.subList(i, n).clear();
      }
      return;
    }
  }

  /**
   * The best run can start with the report's own heading (title, date, author lines) when nothing
   * precedes it; those lines are header, up to the first line that reads as a sentence.
   */
  private static int skipHeading(List<Line> lines, int start, int end) {
    for (int i = start; i < end; i++) {
      Line l = lines.get(i);
      if (!l.furniture
          && ((l.endsSentence() && l.words >= 8) || (l.words >= PROSE_WORDS && !l.isTitleCase()))) {
        return i;
      }
    }
    return start;
  }

  /**
   * Marks, inside the body, runs of {@value #LINK_RUN} or more consecutive short lines that are not
   * sentences: a browser copy turns a block of links (other headlines, tags, share buttons) into
   * such a run, while an article's own headings and one-line paragraphs come alone or end in
   * punctuation.
   */
  private static boolean[] linkRuns(List<Line> lines, int start, int end) {
    boolean[] out = new boolean[end - start];
    int runStart = -1;
    for (int i = start; i <= end; i++) {
      boolean linkLike = i < end && isLinkLike(lines.get(i));
      if (linkLike && runStart < 0) {
        runStart = i;
      } else if (!linkLike && runStart >= 0) {
        if (i - runStart >= LINK_RUN) {
          for (int j = runStart; j < i; j++) {
            out[j - start] = true;
          }
        }
        runStart = -1;
      }
    }
    return out;
  }

  /**
   * A block of links after most of the report's prose is where the page turns to other articles
   * (share buttons, "Related", teasers with summaries long enough to look like text): the body ends
   * there.
   */
  private static int cutAtLateLinkRun(List<Line> lines, int start, int end, boolean[] menu) {
    int total = 0;
    for (int i = start; i < end; i++) {
      Line l = lines.get(i);
      if (!menu[i - start] && l.words >= PROSE_WORDS && !l.furniture) {
        total += l.words;
      }
    }
    int seen = 0;
    for (int i = start; i < end; i++) {
      Line l = lines.get(i);
      if (menu[i - start]) {
        if (seen >= total * LATE_SHARE) {
          return i;
        }
      } else if (l.words >= PROSE_WORDS && !l.furniture) {
        seen += l.words;
      }
    }
    return end;
  }

  /**
   * A long line the page shows {@value #REPEATS} or more times is a caption under every slide of a
   * gallery, or a teaser shown in two layouts; a report does not repeat its paragraphs.
   */
  private static void markRepeats(List<Line> lines) {
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    for (Line l : lines) {
      if (l.words >= PROSE_WORDS) {
        counts.merge(l.text, 1, Integer::sum);
      }
    }
    int prose = 0;
    int repeated = 0;
    for (Line l : lines) {
      if (l.words >= PROSE_WORDS) {
        prose += l.words;
        repeated += counts.get(l.text) >= REPEATS ? l.words : 0;
      }
    }
    // a page made largely of repeated lines (a menu plan, a table of recurring items) is repeating
    // its content
    if (repeated > prose * MAX_REPEATED_SHARE) {
      return;
    }
    for (Line l : lines) {
      if (l.words >= PROSE_WORDS && counts.get(l.text) >= REPEATS) {
        l.furniture = true;
      }
    }
  }

  private static boolean isLinkLike(Line l) {
    return l.furniture || ((l.words < PROSE_WORDS || isLongHeadline(l)) && !l.endsSentence());
  }

  /**
   * A line as long as prose but set as a headline: nearly every longer word capitalised and no
   * sentence end. Teasers of other articles and menus copied as one line look like this; a
   * paragraph, or an author's affiliation full of names, does not.
   */
  private static boolean isLongHeadline(Line l) {
    return l.words >= PROSE_WORDS && !l.endsSentence() && l.isTitleCase(HEADLINE_CAPITALS);
  }

  private static List<Line> lines(String input, Deadline deadline) {
    List<Line> out = new ArrayList<>();
    boolean blank = true;
    for (String raw : input.split("\r\n|\r|\n", -1)) {
      deadline.tick();
      String t = MarkupResidue.clean(raw);
      if (t.isEmpty()) {
        blank = true;
        continue;
      }
      out.add(new Line(t, blank));
      blank = false;
    }
    return out;
  }

  /**
   * Index where the report ends because a marker like "Continue reading" or "Related articles"
   * starts the furniture after it; what follows such a marker is other articles' teasers, not this
   * report.
   */
  private static int tailCut(List<Line> lines, int from, Deadline deadline) {
    int prose = 0;
    for (int i = from; i < lines.size(); i++) {
      deadline.tick();
      Line l = lines.get(i);
      // a comment's header can be as long as a line of prose ("Ann on March 30, 2015 at 4:36 am
      // said:")
      if (Furniture.startsComments(l.text)
          && prose
              >= (Furniture.isCommentCount(l.text)
                  ? MIN_PROSE_BEFORE_TAIL
                  : MIN_PROSE_BEFORE_COMMENTS)) {
        return i;
      } else if (prose >= MIN_PROSE_BEFORE_TAIL && Furniture.isFilingLine(l.text)) {
        // "This entry was posted on … and is filed under …" can be as long as prose; it heads no
        // box of links inside the post
        return i;
      } else if (l.words >= PROSE_WORDS && !l.furniture) {
        prose++;
      } else if (prose >= MIN_PROSE_BEFORE_TAIL
          && Furniture.endsArticle(l.text)
          && !isInlineBox(lines, i, prose, deadline)) {
        return i;
      }
    }
    return lines.size();
  }

  /**
   * Whether the marker at {@code at} heads a box of a few links inside the report ("Related
   * articles", two headlines, then the report goes on): prose resumes within a few lines and more
   * of it follows than came before. Teasers after the report are followed by less of it, or by more
   * links first.
   */
  private static boolean isInlineBox(List<Line> lines, int at, int proseBefore, Deadline deadline) {
    int resumes = -1;
    for (int j = at + 1; j < Math.min(lines.size(), at + 1 + INLINE_BOX_LINES); j++) {
      Line l = lines.get(j);
      if (l.words >= PROSE_WORDS && !l.furniture && l.endsSentence()) {
        resumes = j;
        break;
      }
    }
    if (resumes < 0) {
      return false;
    }
    int proseAfter = 0;
    for (int j = resumes; j < lines.size(); j++) {
      deadline.tick();
      Line l = lines.get(j);
      if (Furniture.endsArticle(l.text) || Furniture.startsComments(l.text)) {
        break;
      }
      if (l.words >= PROSE_WORDS && !l.furniture) {
        proseAfter++;
      }
    }
    return proseAfter > proseBefore;
  }

  /**
   * The contiguous run of lines in {@code [0, end)} with the highest prose score, as {start, end}.
   */
  private static int[] bestRun(List<Line> lines, int end) {
    int bestStart = 0;
    int bestEnd = 0;
    double best = Double.NEGATIVE_INFINITY;
    double run = 0;
    int runStart = 0;
    for (int i = 0; i < end; i++) {
      if (run <= 0) {
        run = 0;
        runStart = i;
      }
      run += score(lines, i);
      if (run > best) {
        best = run;
        bestStart = runStart;
        bestEnd = i + 1;
      }
    }
    return new int[] {bestStart, bestEnd};
  }

  private static double score(List<Line> lines, int i) {
    Line l = lines.get(i);
    if (l.furniture && Furniture.isRelativeStamp(l.text)) {
      // closes a teaser of another article: outweighs the teaser's summary line
      return -STAMP_COST;
    }
    if (l.furniture || l.byline) {
      return -4;
    }
    if (l.words <= 6 && !l.endsSentence() && HeaderReader.isDateLine(l)) {
      // a bare date line inside the text is the stamp of a teaser; the report's own date sits above
      // it. A
      // stamp above its teaser's summary outweighs that summary too, however long
      Line next = i + 1 < lines.size() ? lines.get(i + 1) : null;
      return -Math.max(STAMP_COST, next == null || next.furniture ? 0 : next.words + 1);
    }
    if (isLongHeadline(l)) {
      return -1;
    }
    if (l.words >= PROSE_WORDS) {
      return l.endsTruncated() && l.words < TEASER_WORDS ? -3 : l.words;
    }
    if (l.words >= 4) {
      return l.endsSentence() ? 1 : -1;
    }
    return -3;
  }
}
