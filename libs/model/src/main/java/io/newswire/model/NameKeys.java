package io.newswire.model;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The spelling key of a name (issue 13): one string for the spellings a name takes in different
 * scripts and romanisations, so that a rule for {@code Lukashenko} also finds {@code Lukashenka},
 * {@code Лукашенко} and {@code Лукашэнка}, and {@code Müller} finds {@code Mueller}. The indexer
 * and the alerter both index the keys of an article's capitalised words in the field {@value
 * #FIELD}, and {@link NameVariants} adds a clause on it for each name in a query, so the index and
 * the alerter agree by construction: the same code computes the key on both sides, and
 * Elasticsearch only compares whole keys.
 *
 * <p>The key is built from general tables, not from a list of names, and only from equivalences
 * that do not occur between ordinary words of English and the other languages written in Latin
 * letters: folding {@code c} and {@code k}, {@code y} and {@code i}, {@code w} and {@code v} or
 * doubled letters was tried and measured (see the README's Matching section), and each made {@code
 * October} and {@code Oktober}, {@code Never} and {@code Newer} or {@code Press} and {@code Pres}
 * one word, adding false alerts. What is folded:
 *
 * <ol>
 *   <li>Cyrillic (Russian, Ukrainian and Belarusian letters) is transliterated by the BGN/PCGN
 *       tables that English-language newsrooms use ({@code х → kh}, {@code ш → sh}, {@code я → ya},
 *       {@code е → ye} at the start and after a vowel; Ukrainian and Belarusian {@code г → h}, told
 *       apart from Russian by their own letters {@code і ї є ґ ў});
 *   <li>Latin letters lose their diacritics ({@code ü → u}, {@code ł → l}, {@code ß → ss}); the
 *       háček letters of Czech, Lithuanian and the scholarly transliteration are written as English
 *       writes their sounds ({@code š → sh}, {@code č → ch}, {@code ž → zh}), and so are Polish
 *       {@code sz} and {@code cz};
 *   <li>the spelled-out umlaut {@code ue} before a consonant is the plain vowel ({@code Mueller},
 *       {@code Müller}, {@code Muller}); not {@code ae} or {@code oe}, which made {@code Michael}
 *       the Polish {@code Michal} and {@code Joey} {@code Joy};
 *   <li>the endings of Slavic surnames, which each romanisation writes its own way, take one form:
 *       {@code -sky -skiy -skyy -skyi -skij -skii} as {@code -ski}; {@code -vych -vitch -vitsch
 *       -witsch -wicz -wich} as {@code -vich}; {@code -ow -off} as {@code -ov}; {@code -yev -iev
 *       -jev -eff} as {@code -ev}; the Belarusian {@code -enka} as the Ukrainian and Russian {@code
 *       -enko}; {@code -iy -yy -ii -yi -ij} after a consonant as {@code -i}.
 * </ol>
 *
 * <p>Only name-like words have a key: at least {@value #MIN_LETTERS} letters, starting with a
 * capital, nothing but letters. The work is one pass over the word with fixed tables: linear, no
 * pattern.
 */
public final class NameKeys {
  /** The indexed field holding the keys of an article's names, separated by spaces. */
  public static final String FIELD = "names";

  static final int MIN_LETTERS = 4;

  /**
   * The BGN/PCGN romanisation of each language written in Cyrillic here, as English-language
   * newsrooms use them; Ukrainian's is Ukraine's national system of 2010, which BGN/PCGN adopted. A
   * letter with two forms has the first at the start of a word (in Russian also after a vowel or a
   * soft or hard sign), the second elsewhere.
   */
  enum Cyrillic {
    RUSSIAN(
        true,
        "а a б b в v г g д d е ye/e ё ye/e ж zh з z и i й y к k л l м m н n о o п p р r с s т t у u ф f"
            + " х kh ц ts ч ch ш sh щ shch ъ - ы y ь - э e ю yu я ya і i ї yi є ye ґ g ў w"),
    UKRAINIAN(
        false,
        "а a б b в v г h ґ g д d е e є ye/ie ж zh з z и y і i ї yi/i й y/i к k л l м m н n о o п p р r"
            + " с s т t у u ф f х kh ц ts ч ch ш sh щ shch ь - ю yu/iu я ya/ia ы y э e ё yo ъ - ў w"),
    BELARUSIAN(
        true,
        "а a б b в v г h ґ g д d е ye ё yo ж zh з z і i и i й y к k л l м m н n о o п p р r с s т t у u"
            + " ў w ф f х kh ц ts ч ch ш sh ы y ь - э e ю yu я ya ъ - щ shch ї yi є ye");

    private final String[] initial = new String[0x100];
    private final String[] medial = new String[0x100];
    private final boolean initialAfterVowels;

    Cyrillic(boolean initialAfterVowels, String pairs) {
      this.initialAfterVowels = initialAfterVowels;
      String[] parts = pairs.split(" ");
      for (int i = 0; i + 1 < parts.length; i += 2) {
        int c = parts[i].charAt(0) - 0x400;
        String[] forms = parts[i + 1].split("/");
        initial[c] = forms[0].equals("-") ? "" : forms[0];
        medial[c] = forms.length > 1 ? forms[1] : initial[c];
      }
    }

    /**
     * The table for an article in {@code language} (ISO 639-1), or null when it is not one of
     * these.
     */
    static Cyrillic of(String language) {
      if (language == null) {
        return null;
      }
      return switch (language) {
        case "uk" -> UKRAINIAN;
        case "be" -> BELARUSIAN;
        case "ru" -> RUSSIAN;
        default -> null;
      };
    }

    /**
     * The table a word's own letters point to: Ukrainian or Belarusian letters that Russian lacks.
     */
    static Cyrillic byLetters(String word) {
      for (int i = 0; i < word.length(); i++) {
        char c = word.charAt(i);
        if (c == 'ў') {
          return BELARUSIAN;
        }
        if (c == 'і' || c == 'ї' || c == 'є' || c == 'ґ') {
          return UKRAINIAN;
        }
      }
      return RUSSIAN;
    }

    String letter(String word, int i) {
      int c = word.charAt(i) - 0x400;
      boolean start =
          i == 0 || initialAfterVowels && "аеёиоуыэюяіїєьъ'’".indexOf(word.charAt(i - 1)) >= 0;
      return start ? initial[c] : medial[c];
    }
  }

  private NameKeys() {}

  /**
   * The key of {@code word}, or null when it is not name-like; Cyrillic by the table its letters
   * point to.
   */
  public static String key(String word) {
    Set<String> keys = keysOf(word, null);
    return keys.isEmpty() ? null : keys.iterator().next();
  }

  /**
   * The keys of {@code word}: one for a word in Latin letters; for a word in Cyrillic, its key by
   * the romanisation of the article's language (when that is Russian, Ukrainian or Belarusian), by
   * the table its own letters point to, and by the Russian table, which the press long used for
   * every name of the region (so {@code Тимошенко} in a Ukrainian article is found as {@code
   * Tymoshenko} and as {@code Timoshenko}). Empty when the word is not name-like.
   */
  public static Set<String> keysOf(String word, String language) {
    Set<String> keys = new LinkedHashSet<>(2);
    if (word != null) {
      addKeys(keys, word, language);
    }
    return keys;
  }

  /** Adds the keys of {@code word} to {@code keys}; nothing when it is not name-like. */
  private static void addKeys(Set<String> keys, String word, String language) {
    if (word.length() < MIN_LETTERS || !Character.isUpperCase(word.codePointAt(0))) {
      return;
    }
    boolean cyrillic = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (!Character.isLetter(c)) {
        return;
      }
      cyrillic |= c >= 0x400 && c < 0x500;
    }
    String lower = word.toLowerCase(Locale.ROOT);
    if (!cyrillic) {
      addKey(keys, lower, null);
      return;
    }
    Cyrillic own = Cyrillic.of(language);
    if (own != null) {
      addKey(keys, lower, own);
    }
    addKey(keys, lower, Cyrillic.byLetters(lower));
    addKey(keys, lower, Cyrillic.RUSSIAN);
  }

  private static void addKey(Set<String> keys, String lower, Cyrillic table) {
    String latin = romanise(lower, table);
    if (latin != null) {
      keys.add(unifyEnding(unifyDigraphs(latin)));
    }
  }

  /**
   * The keys of the name-like words of an article in {@code language}, each once, in order of first
   * appearance; without the keys that are just the word in lower case ({@code Lavrov}'s), which the
   * article's exact words already hold: {@link NameVariants} asks for the key among them too. Most
   * words of most articles are such, so the field stays small and seldom makes a rule a candidate
   * for nothing.
   */
  public static Set<String> ofArticle(String language, String... texts) {
    Set<String> keys = new LinkedHashSet<>();
    for (String text : texts) {
      if (text == null) {
        continue;
      }
      int i = 0;
      while (i < text.length()) {
        if (!Character.isLetter(text.charAt(i))) {
          i++;
          continue;
        }
        int start = i;
        while (i < text.length() && Character.isLetter(text.charAt(i))) {
          i++;
        }
        // most words are short or lower case: tell so before copying them out
        if (i - start >= MIN_LETTERS && Character.isUpperCase(text.charAt(start))) {
          String word = text.substring(start, i);
          String lower = word.toLowerCase(Locale.ROOT);
          for (String key : keysOf(word, language)) {
            if (!key.equals(lower)) {
              keys.add(key);
            }
          }
        }
      }
    }
    return keys;
  }

  /**
   * The keys of an article as one value of {@link #FIELD}: separated by spaces, which its analyzer
   * splits on.
   */
  public static String field(String language, String... texts) {
    return String.join(" ", ofArticle(language, texts));
  }

  /**
   * Lower-case Latin letters a to z for a lower-case word in Latin or Cyrillic letters (Cyrillic by
   * {@code table}); null for a word with letters of another script, which keeps its exact forms
   * only.
   */
  private static String romanise(String word, Cyrillic table) {
    StringBuilder out = new StringBuilder(word.length() + 4);
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c >= 'a' && c <= 'z') {
        out.append(c);
      } else if (c >= 0x400 && c < 0x500) {
        String latin = table == null ? null : table.letter(word, i);
        if (latin == null) {
          return null;
        }
        out.append(latin);
      } else {
        String latin = latinLetter(c);
        if (latin == null) {
          return null;
        }
        out.append(latin);
      }
    }
    return out.toString();
  }

  /** A Latin letter with a diacritic as its base letter(s); null for a letter of another script. */
  private static String latinLetter(char c) {
    switch (c) {
      case 'ß':
        return "ss";
      case 'æ':
        return "ae";
      case 'œ':
        return "oe";
      case 'ø':
        return "o";
      case 'ł':
        return "l";
      case 'đ':
      case 'ð':
        return "d";
      case 'þ':
        return "th";
      case 'ı':
        return "i";
      case 'š':
        return "sh"; // the háček letters of Czech, Slovak, Lithuanian and scholarly Cyrillic
      case 'č':
        return "ch";
      case 'ž':
        return "zh";
      default:
        break;
    }
    String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
    char first = base.charAt(0);
    if (first < 'a' || first > 'z') {
      return null;
    }
    for (int i = 1; i < base.length(); i++) {
      if (Character.getType(base.charAt(i)) != Character.NON_SPACING_MARK) {
        return null;
      }
    }
    return String.valueOf(first);
  }

  /** Steps 2 (Polish digraphs) and 3 (the spelled-out umlaut), left to right. */
  private static String unifyDigraphs(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
      if (c == 's' && next == 'z' || c == 'c' && next == 'z') {
        out.append(c).append('h');
        i += 2;
      } else if (c == 'u'
          && next == 'e'
          && i + 2 < s.length()
          && !isVowel(s.charAt(i + 2))
          && (i == 0 || s.charAt(i - 1) != 'g' && s.charAt(i - 1) != 'q')) {
        out.append(c); // Mueller; not the ue of Guess or Queen
        i += 2;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /**
   * The romanisations of Slavic surname endings, each with the one form the key uses; longest
   * first.
   */
  private static final String[][] ENDINGS = {
    {"vitsch", "vich"},
    {"witsch", "vich"},
    {"vitch", "vich"},
    {"vych", "vich"},
    {"wicz", "vich"},
    {"wich", "vich"},
    {"skiy", "ski"},
    {"skyy", "ski"},
    {"skyi", "ski"},
    {"skij", "ski"},
    {"skii", "ski"},
    {"sky", "ski"},
    {"enka", "enko"},
    {"yev", "ev"},
    {"iev", "ev"},
    {"jev", "ev"},
    {"eff", "ev"},
    {"off", "ov"},
    {"ow", "ov"},
  };

  /**
   * Step 4: a Slavic surname ending in the key's one form; the stem before it keeps at least three
   * letters.
   */
  private static String unifyEnding(String s) {
    for (String[] ending : ENDINGS) {
      if (s.endsWith(ending[0]) && s.length() - ending[0].length() >= 3) {
        return s.substring(0, s.length() - ending[0].length()) + ending[1];
      }
    }
    // -iy, -yy, -ii, -yi, -ij after a consonant: Dmitriy, Dmitrii
    int n = s.length();
    if (n >= 5
        && (s.charAt(n - 2) == 'i' || s.charAt(n - 2) == 'y')
        && "iyj".indexOf(s.charAt(n - 1)) >= 0
        && !isVowel(s.charAt(n - 3))
        && s.charAt(n - 3) != 'y') {
      return s.substring(0, n - 2) + 'i';
    }
    return s;
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }
}
