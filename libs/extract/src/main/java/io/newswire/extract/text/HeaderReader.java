package io.newswire.extract.text;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.newswire.extract.meta.Authors;
import io.newswire.extract.meta.Dates;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the header lines above a report's body the way a person would: a line that is only a date
 * is the publication date, "By …" or a line of names under the title are the authors, the longest
 * remaining line (preferring one the page repeats) is the title, and a short line above the title
 * is the section label.
 */
final class HeaderReader {

  /**
   * A date line is mostly date: "09 October 2020", "September 2021", "August 3 – August 9, 2020".
   */
  private static final int MAX_DATE_LINE_WORDS = 8;

  private static final String NAME =
      "\\p{Lu}[\\p{L}.'\u2019-]*(?:\\s+\\p{Lu}[\\p{L}.'\u2019-]*){1,3}";
  private static final Pattern BYLINE =
      Pattern.compile(
          "(?i:by)\\s*:?\\s+("
              + NAME
              + ")(?:\\s*(?:,|and|&)\\s*("
              + NAME
              + "))*\\s*[\u00b9\u00b2\u00b3*]*");

  /** "By Jane Roe , John Doe on Monday, November 18th, 2019 at 11:08 a.m.": names, then a date. */
  private static final Pattern DATED_BYLINE =
      Pattern.compile(
          "(?i:by)\\s*:?\\s+("
              + NAME
              + "(?:\\s*(?:,|and|&)\\s*"
              + NAME
              + ")*)\\s*(?:,|-|\u2013|\u2014|\\||/|\\s(?i:on|am|le|el|il))\\s+.*");

  /** A byline with its date runs up to this many words. */
  private static final int MAX_DATED_BYLINE_WORDS = 20;

  private static final Pattern NAME_LINE =
      Pattern.compile(
          NAME
              + "[\u00b9\u00b2\u00b3\u2070-\u2079*]*(?:\\s*(?:,|and|&)\\s*"
              + NAME
              + "[\u00b9\u00b2\u00b3\u2070-\u2079*]*)*");

  /** Footnote marks after a name: "Jane Doe¹", "John Roe*". */
  private static final Pattern MARKS_AT_END =
      Pattern.compile("[\u00b9\u00b2\u00b3\u2070-\u2079*]+$");

  private static final Pattern NAME_SPLIT = Pattern.compile("\\s*(?:,|\\band\\b|&)\\s*");

  String title;
  String published;
  String section;
  final List<String> authors = new ArrayList<>();

  /** True for a line that is a byline; its names are recorded. */
  boolean readByline(Line line) {
    if (line.words <= MAX_DATED_BYLINE_WORDS && line.text.regionMatches(true, 0, "by", 0, 2)) {
      Matcher m = DATED_BYLINE.matcher(line.text);
      if (m.matches() && Dates.fromProse(line.text.substring(m.end(1))) != null) {
        addNames(m.group(1));
        return true;
      }
    }
    if (line.words > 10 || !BYLINE.matcher(line.text).matches()) {
      return false;
    }
    addNames(line.text.replaceFirst("(?i)^by\\s*:?\\s+", ""));
    return true;
  }

  static boolean isDateLine(Line line) {
    if (line.dateLine == null) {
      line.dateLine = line.words <= MAX_DATE_LINE_WORDS && Dates.fromProse(line.text) != null;
    }
    return line.dateLine;
  }

  /** Reads the lines above the body, nearest last. */
  void readHeader(List<Line> header) {
    int titleAt = -1;
    for (int i = 0; i < header.size(); i++) {
      Line l = header.get(i);
      if (l.furniture || l.byline) {
        continue;
      }
      if (isDateLine(l)) {
        if (published == null) {
          published = Dates.fromProse(l.text);
        }
        continue;
      }
      if (titleAt >= 0
          && i > titleAt
          && authors.isEmpty()
          && l.words <= 12
          && NAME_LINE.matcher(l.text).matches()
          && !l.endsSentence()) {
        addNames(l.text);
        l.byline = true;
        continue;
      }
      if (l.words >= 2 && l.words <= 30 && (title == null || isBetterTitle(l, header, titleAt))) {
        title = l.text;
        titleAt = i;
      }
    }
    if (titleAt > 0) {
      for (int i = titleAt - 1; i >= 0; i--) {
        Line l = header.get(i);
        if (!l.furniture && !l.byline && !isDateLine(l) && l.words <= 4 && !l.text.equals(title)) {
          section = l.text;
          break;
        }
      }
    }
  }

  private boolean isBetterTitle(Line candidate, List<Line> header, int titleAt) {
    boolean currentRepeated = repeated(header, title);
    boolean repeated = repeated(header, candidate.text);
    if (repeated != currentRepeated) {
      return repeated;
    }
    return candidate.words > header.get(titleAt).words;
  }

  private static boolean repeated(List<Line> header, String text) {
    int n = 0;
    for (Line l : header) {
      if (l.text.equals(text)
          || (l.text.startsWith(text) && l.text.length() < text.length() + 40)) {
        n++;
      }
    }
    return n > 1;
  }

  private void addNames(String names) {
    for (String n : NAME_SPLIT.split(names)) {
      String name = Authors.clean(MARKS_AT_END.matcher(n).replaceAll(""));
      if (name != null && !authors.contains(name)) {
        authors.add(name);
      }
    }
  }
}
