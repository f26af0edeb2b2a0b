package io.newswire.extract.meta;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A small, fast language guess for when the page declares none: the script for languages with their own
 * script, otherwise the language whose most common function words occur most. Looks at a prefix of the text
 * only, so its cost is constant per page (a full n-gram detector cost more than the whole extraction).
 */
public final class LanguageGuesser {

  private static final int SAMPLE_CHARS = 3000;
  private static final int MIN_HITS = 3;

  private static final Map<String, String> STOP_WORDS = new HashMap<>();

  static {
    add("en", "the of and to in is that for it with as was on are be by this have from not but which");
    add("de", "der die und den das ist nicht mit von zu sich des auf für ein eine dem im auch wird");
    add("fr", "le la les et des est une du que dans pour qui pas sur au par avec il sont ce aux");
    add("es", "el la los las y que del se en por con una para es su al lo como más pero");
    add("it", "il di che la per non una sono della con del gli le è da anche nel alla ha");
    add("pt", "o a os de que e do da em um para com não uma dos se na por mais as");
    add("nl", "de het een en van is dat op te niet zijn met voor die ook aan er maar");
    add("sv", "och att det som en på är av för med den till inte har om var ett");
    add("pl", "i w na nie z się do to że jest o jak ale po co tak za od");
    add("ru", "и в не на что с по как это он но из к для от его то же");
    add("uk", "і в не на що з по як це та до від його але ми для у");
    add("be", "і ў не на што з па як гэта да ад яго але мы для");
  }

  private LanguageGuesser() {}

  private static void add(String lang, String words) {
    for (String w : words.split(" ")) {
      // a word shared by two languages tells neither apart: the first listed keeps it
      STOP_WORDS.putIfAbsent(w, lang);
    }
  }

  /** ISO 639-1 code, or null when the text is too short or too mixed to tell. */
  public static String guess(String text) {
    int n = Math.min(text.length(), SAMPLE_CHARS);
    int kana = 0;
    int han = 0;
    int hangul = 0;
    int arabic = 0;
    int greek = 0;
    int hebrew = 0;
    int letters = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (!Character.isLetter(c)) {
        continue;
      }
      letters++;
      Character.UnicodeScript script = Character.UnicodeScript.of(c);
      switch (script) {
        case HIRAGANA, KATAKANA -> kana++;
        case HAN -> han++;
        case HANGUL -> hangul++;
        case ARABIC -> arabic++;
        case GREEK -> greek++;
        case HEBREW -> hebrew++;
        default -> { }
      }
    }
    if (letters == 0) {
      return null;
    }
    if (kana > letters / 20) {
      return "ja";
    }
    if (han > letters / 3) {
      return "zh";
    }
    if (hangul > letters / 3) {
      return "ko";
    }
    if (arabic > letters / 3) {
      return "ar";
    }
    if (greek > letters / 3) {
      return "el";
    }
    if (hebrew > letters / 3) {
      return "he";
    }
    return byStopWords(text.substring(0, n));
  }

  private static String byStopWords(String sample) {
    Map<String, Integer> hits = new HashMap<>();
    int start = -1;
    for (int i = 0; i <= sample.length(); i++) {
      boolean letter = i < sample.length() && Character.isLetter(sample.charAt(i));
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        String lang = STOP_WORDS.get(sample.substring(start, i).toLowerCase(Locale.ROOT));
        if (lang != null) {
          hits.merge(lang, 1, Integer::sum);
        }
        start = -1;
      }
    }
    String best = null;
    int bestHits = MIN_HITS - 1;
    for (Map.Entry<String, Integer> e : hits.entrySet()) {
      if (e.getValue() > bestHits) {
        best = e.getKey();
        bestHits = e.getValue();
      }
    }
    return best;
  }

  /** Normalises a declared language ({@code en-US}, {@code EN_gb}) to its ISO 639-1 code, or null. */
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
    if (v.length() == 3) {
      String two = new Locale(v).getLanguage();
      return two.length() == 2 ? two : null;
    }
    return null;
  }
}
