package io.newswire.extract.meta;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Normalises the dates pages write into ISO-8601, keeping only the precision the source gives:
 * {@code 09 October 2020} becomes {@code 2020-10-09}, {@code September 2021} becomes {@code
 * 2021-09}, a machine timestamp with an offset becomes an instant.
 */
public final class Dates {

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));

  private static final String MONTH =
      "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          + "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4})-(\\d{2})(?:-(\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)"
              + "\\s*(Z|[+-]\\d{2}:?\\d{2})?)?)?");
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          "\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+" + MONTH + ",?\\s+(\\d{4})\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          "\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern MONTH_YEAR =
      Pattern.compile("\\b" + MONTH + ",?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern SLASHED = Pattern.compile("\\b(\\d{4})/(\\d{1,2})/(\\d{1,2})\\b");

  private Dates() {}

  /** A machine-readable date (meta, JSON-LD, {@code <time datetime>}), or null if it is not one. */
  public static String fromMachine(String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    Matcher m = ISO.matcher(v);
    if (m.lookingAt()) {
      if (m.group(3) == null) {
        return yearMonth(m.group(1), m.group(2));
      }
      if (m.group(4) != null && m.group(5) != null) {
        String zone = m.group(5);
        if (zone.length() == 5) {
          zone = zone.substring(0, 3) + ":" + zone.substring(3);
        }
        String time = m.group(4).length() == 5 ? m.group(4) + ":00" : m.group(4);
        try {
          return OffsetDateTime.parse(
                  m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "T" + time + zone)
              .toInstant()
              .toString();
        } catch (DateTimeParseException e) {
          return null;
        }
      }
      return date(m.group(1), m.group(2), m.group(3));
    }
    return fromProse(v);
  }

  /**
   * The first date written for people in {@code text}, e.g. "Published 9 October 2020", or null.
   */
  public static String fromProse(String text) {
    if (text == null || text.length() < 6) {
      return null;
    }
    Matcher m = DAY_MONTH_YEAR.matcher(text);
    if (m.find()) {
      return date(m.group(3), month(m.group(2)), m.group(1));
    }
    m = MONTH_DAY_YEAR.matcher(text);
    if (m.find()) {
      return date(m.group(3), month(m.group(1)), m.group(2));
    }
    m = SLASHED.matcher(text);
    if (m.find()) {
      return date(m.group(1), m.group(2), m.group(3));
    }
    m = ISO.matcher(text);
    if (m.find() && m.group(3) != null) {
      return date(m.group(1), m.group(2), m.group(3));
    }
    m = MONTH_YEAR.matcher(text);
    if (m.find()) {
      return yearMonth(m.group(2), month(m.group(1)));
    }
    return null;
  }

  private static String month(String name) {
    Integer n = MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT));
    return n == null ? "0" : n.toString();
  }

  private static String date(String year, String month, String day) {
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day))
          .format(DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static String yearMonth(String year, String month) {
    try {
      return YearMonth.of(Integer.parseInt(year), Integer.parseInt(month)).toString();
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }
}
