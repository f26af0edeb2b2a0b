package io.newswire.extract.html;

import com.google.re2j.Pattern;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises a line that is only a date stamp, perhaps with a byline or an "Updated" label:
 * "Updated 5:27 am CST, Wednesday, November 20, 2019", "segunda-feira, 22 de janeiro de 2018 às
 * 0:13", "By Justine Coleman - 11/18/19 11:04 PM EST". Articles state dates inside sentences; a
 * line made of them is page furniture.
 */
final class DateLines {

  private static final int MAX_CHARS = 90;

  private static final Pattern YEAR_OR_TIME =
      Pattern.compile(
          "\\b(?:1[89]\\d\\d|20\\d\\d)\\b|\\b\\d{1,2}:\\d\\d\\b|\\b\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}\\b");

  /**
   * Month and weekday names (English, French, Spanish, Portuguese, German, Italian), and stamp
   * words.
   */
  private static final Set<String> DATE_WORDS =
      Set.of(
          "jan",
          "january",
          "feb",
          "february",
          "mar",
          "march",
          "apr",
          "april",
          "may",
          "jun",
          "june",
          "jul",
          "july",
          "aug",
          "august",
          "sep",
          "sept",
          "september",
          "oct",
          "october",
          "nov",
          "november",
          "dec",
          "december",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "mon",
          "tue",
          "wed",
          "thu",
          "fri",
          "sat",
          "sun",
          "updated",
          "published",
          "posted",
          "modified",
          "last",
          "on",
          "at",
          "by",
          "am",
          "pm",
          "est",
          "edt",
          "cst",
          "cdt",
          "pst",
          "pdt",
          "gmt",
          "utc",
          "bst",
          "cet",
          "cest",
          "ist",
          "et",
          "pt",
          "janeiro",
          "fevereiro",
          "março",
          "abril",
          "maio",
          "junho",
          "julho",
          "agosto",
          "setembro",
          "outubro",
          "novembro",
          "dezembro",
          "enero",
          "febrero",
          "marzo",
          "mayo",
          "junio",
          "julio",
          "septiembre",
          "octubre",
          "noviembre",
          "diciembre",
          "janvier",
          "février",
          "mars",
          "avril",
          "mai",
          "juin",
          "juillet",
          "août",
          "septembre",
          "octobre",
          "novembre",
          "décembre",
          "januar",
          "februar",
          "märz",
          "juni",
          "juli",
          "oktober",
          "dezember",
          "gennaio",
          "febbraio",
          "aprile",
          "maggio",
          "giugno",
          "luglio",
          "settembre",
          "ottobre",
          "segunda",
          "terça",
          "quarta",
          "quinta",
          "sexta",
          "feira",
          "sábado",
          "domingo",
          "lunes",
          "martes",
          "miércoles",
          "jueves",
          "viernes",
          "lundi",
          "mardi",
          "mercredi",
          "jeudi",
          "vendredi",
          "samedi",
          "dimanche",
          "montag",
          "dienstag",
          "mittwoch",
          "donnerstag",
          "freitag",
          "samstag",
          "sonntag",
          "de",
          "às",
          "le",
          "el",
          "um",
          "du",
          "del");

  private DateLines() {}

  private static int digits(String s) {
    int n = 0;
    for (int i = 0, len = s.length(); i < len; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        n++;
      }
    }
    return n;
  }

  static boolean isDateLine(String text) {
    // "— Name (@handle) November 18, 2019" closes a quoted post: it belongs to the quote
    if (text.length() > MAX_CHARS
        || text.indexOf('@') >= 0
        || digits(text) < 2
        || !YEAR_OR_TIME.matcher(text).find()) {
      return false;
    }
    int tokens = 0;
    int dateTokens = 0;
    for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (t.isEmpty()) {
        continue;
      }
      tokens++;
      if (Character.isDigit(t.charAt(0)) || DATE_WORDS.contains(t)) {
        dateTokens++;
      }
    }
    // a byline may come with it: two or three name words are allowed
    return tokens > 0 && tokens - dateTokens <= 3 && dateTokens >= 2;
  }
}
