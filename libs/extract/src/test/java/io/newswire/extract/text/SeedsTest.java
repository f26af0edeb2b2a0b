package io.newswire.extract.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.extract.Extraction;
import io.newswire.extract.Extractor;
import io.newswire.extract.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 3: the five seed reports come out with exactly the listed boilerplate gone, every paragraph
 * kept, and title/date/authors as the reports state them. The expected clean forms under {@code
 * seeds/expected/} were produced by the extractor and reviewed line by line against the issue's
 * list.
 */
class SeedsTest {

  private static final Extractor EXTRACTOR = new Extractor();

  private static Extraction clean(String seed) {
    return EXTRACTOR.extract(Fixtures.text("seeds/" + seed + ".txt"), "text/plain", null);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "000_fd365139ecb07d38",
        "001_d0c8aea6b99f999c",
        "002_d2404225d53646e3",
        "003_6140f8882c5450fe",
        "004_39f97dcc2323362a"
      })
  void matchesReviewedCleanForm(String seed) {
    assertEquals(Fixtures.text("seeds/expected/" + seed + ".txt").strip(), clean(seed).text());
  }

  @Test
  void seed000DropsTheTrialOfferAndReadsTheDate() {
    Extraction e = clean("000_fd365139ecb07d38");
    assertFalse(e.text().contains("Request free"));
    assertTrue(e.text().contains("NATO"));
    assertTrue(e.text().startsWith("\u2022 Kremlin will seek to avoid military responses"));
    assertTrue(e.text().endsWith("maintain geopolitical norms with Moscow."));
    assertEquals("2020-10-09", e.published());
    assertEquals("Full Report: Russia", e.title());
    assertEquals("en", e.language());
  }

  @Test
  void seed001DropsLatestBriefs() {
    Extraction e = clean("001_d0c8aea6b99f999c");
    assertFalse(e.text().contains("Latest Briefs"));
    assertTrue(e.text().contains("Lavrov"));
    assertTrue(e.text().contains("NATO"));
    assertTrue(e.text().startsWith("With the intensification of the confrontations"));
    assertTrue(
        e.text().contains("From conservatism to engagement"), "headings inside the report stay");
  }

  @Test
  void seed002EndsAtTheFirstContinueReading() {
    Extraction e = clean("002_d2404225d53646e3");
    for (String gone :
        List.of(
            "Connect with us",
            "Image source",
            "Continue Reading",
            "Artsakh",
            "Biden",
            "NATO",
            "hour ago",
            "Eastern Europe")) {
      assertFalse(e.text().contains(gone), gone);
    }
    assertTrue(e.text().contains("Lavrov"));
    assertTrue(e.text().startsWith("On the 27th of September 2020"));
    assertEquals(
        "Russia\u2019s Foreign Policy Towards and Influence on the Nagorno-Karabakh Conflict",
        e.title());
    assertEquals("Eastern Europe", e.section());
  }

  @Test
  void seed003DropsNewsletterLanguageSwitchAndLinks() {
    Extraction e = clean("003_6140f8882c5450fe");
    for (String gone :
        List.of(
            "Subscribe",
            "newsletter",
            "successfully subscribed",
            "View all",
            "Read more",
            "BE/RU",
            "\nEN\n",
            "November 11",
            "By Anatol")) {
      assertFalse(e.text().contains(gone), gone);
    }
    assertTrue(e.text().contains("Wagner"));
    assertTrue(e.text().endsWith("creating additional protest tension in Belarus."));
    assertEquals(List.of("Anatol Pankouski"), e.authors());
    assertEquals("Russia keeps cards under the table", e.title());
    assertEquals("2020-08-09", e.published());
  }

  @Test
  void seed004DropsPdfFurnitureAndJoinsPageBreaks() {
    Extraction e = clean("004_39f97dcc2323362a");
    for (String gone :
        List.of(
            "PONARS \u25cf",
            "E U R A S I A",
            "Elliott School",
            "GEORGE WASHINGTON",
            "\u00a9",
            "](#)",
            "**",
            "Policy Memo No.707")) {
      assertFalse(e.text().contains(gone), gone);
    }
    assertTrue(e.text().contains("It was expected"), "[expected](#) becomes expected");
    assertTrue(e.text().contains("at the end of July triggered an unprecedented crisis"));
    assertTrue(e.text().contains("Russian military facilities in Belarus was extended."));
    assertTrue(e.text().contains("the Belarusian Revolution is not over."));
    assertEquals(
        "Forever Together? Relations Between Moscow and Minsk After the Belarusian Revolution of 2020",
        e.title());
    assertEquals("2021-09", e.published());
    assertEquals(List.of("Arkady Moshes", "Ryhor Nizhnikau"), e.authors());
  }

  /** No-break spaces and runs of spaces become one space: copied text has both. */
  private static String squash(String s) {
    return s.replace('\u00a0', ' ').replaceAll("[ \t]+", " ").strip();
  }

  @Test
  void everySeedParagraphOfProseIsKept() {
    for (String seed :
        List.of("000_fd365139ecb07d38", "001_d0c8aea6b99f999c", "003_6140f8882c5450fe")) {
      String cleaned = squash(clean(seed).text());
      for (String line : Fixtures.text("seeds/" + seed + ".txt").split("\n")) {
        String l = squash(line);
        if (Furniture.words(l) >= 20 && !l.startsWith("Once a week")) {
          assertTrue(cleaned.contains(l), seed + " lost: " + l);
        }
      }
    }
  }
}
