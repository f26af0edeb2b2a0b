package io.newswire.extract.meta;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The language of an article, detected from its text by Lingua (issue 13), which is the most
 * accurate detector on short texts. It knows the languages below, the ones news is monitored in
 * most; fewer languages keep it fast and its models small. Low-accuracy mode (trigrams only) holds
 * 60 MB of models against 1.1 GB for all n-gram orders, costs about 2 ms an article here (so plain
 * English skips it, {@link #plainlyEnglish}), and was as right on articles of a paragraph or more;
 * the models load once, on first use, in about half a second. A page's own declaration is a
 * template's more often than the article's ("de" on the English pages of a German site), so the
 * text decides; the declaration only settles a near tie between close languages (Indonesian and
 * Malay, Bokmål and Danish) and stands in when the text is too short or too mixed to tell.
 */
public final class LanguageDetection {

  /**
   * A prefix this long tells the language of an article: on the 1,053 pages of both development
   * corpora, 400 characters were as right as 1,000 (all but one of 2,106 HTML and text forms) for
   * half the cost.
   */
  static final int SAMPLE_CHARS = 400;

  /**
   * The declared language wins when the text gives it at least this share of the best language's
   * confidence.
   */
  private static final double DECLARED_SHARE = 0.97;

  static final Language[] SUPPORTED = {
    Language.ENGLISH, Language.RUSSIAN, Language.UKRAINIAN, Language.BELARUSIAN, Language.GERMAN,
        Language.FRENCH,
    Language.SPANISH, Language.ITALIAN, Language.PORTUGUESE, Language.DUTCH, Language.POLISH,
        Language.CZECH,
    Language.SLOVAK, Language.ROMANIAN, Language.HUNGARIAN, Language.BULGARIAN, Language.SERBIAN,
        Language.CROATIAN,
    Language.SLOVENE, Language.GREEK, Language.TURKISH, Language.SWEDISH, Language.DANISH,
        Language.BOKMAL,
    Language.FINNISH, Language.ESTONIAN, Language.LATVIAN, Language.LITHUANIAN, Language.GEORGIAN,
        Language.ARMENIAN,
    Language.AZERBAIJANI, Language.KAZAKH, Language.ARABIC, Language.PERSIAN, Language.HEBREW,
        Language.URDU,
    Language.HINDI, Language.BENGALI, Language.CHINESE, Language.JAPANESE, Language.KOREAN,
        Language.VIETNAMESE,
    Language.THAI, Language.INDONESIAN, Language.MALAY, Language.TAGALOG, Language.SWAHILI,
  };

  private LanguageDetection() {}

  /** Built on first use: loading the models takes a second or two, which a service pays once. */
  private static final class Holder {
    static final LanguageDetector DETECTOR =
        LanguageDetectorBuilder.fromLanguages(SUPPORTED).withLowAccuracyMode().build();
  }

  /**
   * Loads the models now, so that the first article does not wait for them (a service calls it at
   * start).
   */
  public static void warmUp() {
    Holder.DETECTOR.computeLanguageConfidenceValues("Newswire");
  }

  /**
   * ISO 639-1 code of the text's language; the declared one (already normalised, or null) when the
   * text cannot tell or nearly ties with it.
   */
  public static String detect(String text, String declared) {
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    if ((declared == null || declared.equals("en")) && plainlyEnglish(sample)) {
      return "en";
    }
    SortedMap<Language, Double> confidence =
        Holder.DETECTOR.computeLanguageConfidenceValues(sample);
    if (confidence.isEmpty()) {
      return declared;
    }
    Map.Entry<Language, Double> best = confidence.entrySet().iterator().next();
    if (declared != null) {
      for (Map.Entry<Language, Double> e : confidence.entrySet()) {
        if (declared.equals(code(e.getKey()))) {
          return e.getValue() >= best.getValue() * DECLARED_SHARE ? declared : code(best.getKey());
        }
      }
    }
    return code(best.getKey());
  }

  /**
   * English's commonest function words, and those of the other Latin-script languages most often
   * confused with it. A sample this full of the first and nearly empty of the second is English
   * without asking Lingua, which costs some 2 ms a sample on this project's machines, more than the
   * rest of the extraction; any other sample goes to Lingua. On the 2,106 cleaned HTML and text
   * forms of both development corpora the shortcut took 2,058 and every language came out as before
   * (libs/extract/README.md, "Language detection").
   */
  private static final Set<String> ENGLISH =
      Set.of(
          "the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "as", "was", "by",
          "it", "said", "at", "from", "his", "he", "be", "are", "have", "has", "an", "this",
          "which", "not", "but", "were", "they", "their", "will", "would", "been", "who", "its",
          "had", "after", "more", "we", "or", "about", "also");

  private static final Set<String> OTHERS =
      Set.of(
          "der", "die", "und", "das", "ist", "nicht", "ein", "eine", "mit", "den", "sich", "auf",
          "für", "von", "dem", "zu", "le", "les", "et", "est", "des", "une", "dans", "qui", "pour",
          "pas", "sur", "au", "du", "avec", "il", "elle", "que", "el", "los", "las", "y", "en",
          "por", "con", "una", "del", "se", "es", "lo", "al", "su", "di", "che", "della", "per",
          "non", "sono", "nel", "gli", "het", "een", "van", "niet", "zijn", "op", "voor", "met",
          "dat", "ook", "os", "não", "em", "com", "do", "da", "dos", "ao", "são", "och", "att",
          "är", "som", "på", "av", "för", "inte", "det", "og", "er", "til", "ikke", "af", "jeg");
  private static final int MIN_WORDS = 20;

  /**
   * Whether at least one word in eight of {@code sample} is an English function word and those
   * outnumber the other languages' three to one, in a sample of {@value #MIN_WORDS} words or more,
   * all in Latin letters.
   */
  static boolean plainlyEnglish(String sample) {
    int words = 0;
    int english = 0;
    int others = 0;
    int i = 0;
    int n = sample.length();
    while (i < n) {
      while (i < n && !Character.isLetter(sample.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && Character.isLetter(sample.charAt(i))) {
        if (sample.charAt(i) > 0x24F) {
          return false; // a letter beyond Latin: another script is Lingua's to tell
        }
        i++;
      }
      if (i > start) {
        String word = sample.substring(start, i).toLowerCase(Locale.ROOT);
        words++;
        english += ENGLISH.contains(word) ? 1 : 0;
        others += OTHERS.contains(word) ? 1 : 0;
      }
    }
    return words >= MIN_WORDS && english * 8 >= words && english >= 3 * others;
  }

  private static String code(Language language) {
    IsoCode639_1 iso = language.getIsoCode639_1();
    return iso == IsoCode639_1.NONE ? null : iso.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Normalises a declared language ({@code en-US}, {@code EN_gb}, {@code eng}) to its ISO 639-1
   * code, or null.
   */
  public static String normalise(String declared) {
    if (declared == null) {
      return null;
    }
    String v = declared.trim().toLowerCase(Locale.ROOT);
    int cut = 0;
    while (cut < v.length() && Character.isLetter(v.charAt(cut))) {
      cut++;
    }
    v = v.substring(0, cut);
    if (v.length() == 2) {
      return v;
    }
    return v.length() == 3 ? ISO_639_2.get(v) : null;
  }

  /** ISO 639-2 codes ("deu", "fra") to ISO 639-1, from the JDK's own table. */
  private static final Map<String, String> ISO_639_2 = new HashMap<>();

  static {
    for (String two : Locale.getISOLanguages()) {
      try {
        ISO_639_2.put(new Locale(two).getISO3Language(), two);
      } catch (java.util.MissingResourceException e) {
        // a code without a three-letter form: nothing to map
      }
    }
    ISO_639_2.putAll(
        Map.of(
            "ger", "de", "fre", "fr", "dut", "nl", "chi", "zh", "cze", "cs", "gre", "el", "per",
            "fa"));
  }
}
