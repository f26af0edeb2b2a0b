package io.newswire.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Widens each name in a query to its other spellings (issue 13): the bare term {@code Lukashenko}
 * becomes {@code (Lukashenko OR names:lukashenko)}, which also matches an article where any
 * capitalised word has the same {@link NameKeys key}, such as {@code Lukashenka} or {@code
 * Лукашэнка}; {@code Lukashenka} becomes {@code (Lukashenka OR names:lukashenko OR lukashenko)},
 * since an article's words that are their own key are found among its words, not in the names
 * field. Searches and rules both go through here before they are parsed (by Elasticsearch's {@code
 * query_string} and by the alerter's Lucene parser), so they widen alike.
 *
 * <p>Only bare, unfielded terms that are name-like ({@link NameKeys#key}: a capital first, at least
 * four letters, nothing else) are widened. Left as written, so they mean only what they say:
 *
 * <ul>
 *   <li>a quoted term or phrase, {@code "Lukashenko"}: the way to ask for one spelling;
 *   <li>a term with a field ({@code title:Minsk}), a wildcard, a fuzzy or boost suffix, an escape,
 *       a hyphen or digits; ranges and regular expressions;
 *   <li>the operators {@code AND}, {@code OR}, {@code NOT}, {@code TO}.
 * </ul>
 *
 * <p>One pass over the query, linear in its length; a quote, bracket or slash left open runs to the
 * end as written, and the parser after this reports it.
 */
public final class NameVariants {

  /**
   * A name the query widens, with the keys its other spellings share (more than one for some
   * Cyrillic names).
   */
  public record Expansion(String term, List<String> keys) {}

  /** The query as written and the query that is run. */
  public record Expanded(String query, List<Expansion> expansions) {
    public boolean widened() {
      return !expansions.isEmpty();
    }
  }

  /** Characters that end a term in the query syntax (besides white space). */
  private static final String TERM_END = "()[]{}\"^~:/";

  private NameVariants() {}

  /** The query with every name widened to its other spellings. */
  public static Expanded expand(String query) {
    if (query == null) {
      return new Expanded(null, List.of());
    }
    StringBuilder out = new StringBuilder(query.length() + 32);
    List<Expansion> expansions = new ArrayList<>();
    int n = query.length();
    int i = 0;
    while (i < n) {
      char c = query.charAt(i);
      if (c == '"') {
        i = copyUntil(query, i, '"', out);
      } else if (c == '[' || c == '{') {
        i = copyRange(query, i, out);
      } else if (c == '/') {
        i = copyUntil(query, i, '/', out);
      } else if (Character.isWhitespace(c) || "()+-!^~:".indexOf(c) >= 0) {
        out.append(c);
        i++;
      } else {
        int end = termEnd(query, i);
        String term = query.substring(i, end);
        if (end < n && query.charAt(end) == ':') {
          // a field name: its value is copied as written
          out.append(term).append(':');
          i = copyFieldValue(query, end + 1, out);
          continue;
        }
        boolean suffixed = end < n && (query.charAt(end) == '~' || query.charAt(end) == '^');
        Set<String> keys = suffixed || isOperator(term) ? Set.of() : NameKeys.keysOf(term, null);
        if (keys.isEmpty()) {
          out.append(term);
        } else {
          out.append('(').append(term);
          String lower = term.toLowerCase(Locale.ROOT);
          for (String key : keys) {
            out.append(" OR ").append(NameKeys.FIELD).append(':').append(key);
            if (!key.equals(lower)) {
              // a word whose key is itself (Muller for Müller) is indexed as a word only, not in
              // the names field
              out.append(" OR ").append(key);
            }
          }
          out.append(')');
          expansions.add(new Expansion(term, List.copyOf(keys)));
        }
        i = end;
      }
    }
    return new Expanded(out.toString(), List.copyOf(expansions));
  }

  private static int termEnd(String query, int from) {
    int i = from;
    while (i < query.length()
        && !Character.isWhitespace(query.charAt(i))
        && TERM_END.indexOf(query.charAt(i)) < 0) {
      i += query.charAt(i) == '\\' ? 2 : 1; // an escaped character is part of the term
    }
    return Math.min(i, query.length());
  }

  private static boolean isOperator(String term) {
    return term.equals("AND") || term.equals("OR") || term.equals("NOT") || term.equals("TO");
  }

  /**
   * Copies from the opening character at {@code from} through its closing {@code close}, escapes
   * kept.
   */
  private static int copyUntil(String query, int from, char close, StringBuilder out) {
    int i = from + 1;
    while (i < query.length() && query.charAt(i) != close) {
      i += query.charAt(i) == '\\' ? 2 : 1;
    }
    int end = Math.min(query.length(), i + 1);
    out.append(query, from, end);
    return end;
  }

  private static int copyRange(String query, int from, StringBuilder out) {
    int i = from + 1;
    while (i < query.length() && query.charAt(i) != ']' && query.charAt(i) != '}') {
      i += query.charAt(i) == '\\' ? 2 : 1;
    }
    int end = Math.min(query.length(), i + 1);
    out.append(query, from, end);
    return end;
  }

  /**
   * Copies the value of a field as written: a group in parentheses, a phrase, a range or a term.
   */
  private static int copyFieldValue(String query, int from, StringBuilder out) {
    if (from >= query.length()) {
      return from;
    }
    char c = query.charAt(from);
    if (c == '"') {
      return copyUntil(query, from, '"', out);
    }
    if (c == '/') {
      return copyUntil(query, from, '/', out);
    }
    if (c == '[' || c == '{') {
      return copyRange(query, from, out);
    }
    if (c == '(') {
      int depth = 0;
      int i = from;
      while (i < query.length()) {
        char d = query.charAt(i);
        if (d == '\\') {
          i += 2;
          continue;
        }
        if (d == '"') {
          int close = query.indexOf('"', i + 1);
          i = close < 0 ? query.length() : close + 1;
          continue;
        }
        if (d == '(') {
          depth++;
        } else if (d == ')' && --depth == 0) {
          i++;
          break;
        }
        i++;
      }
      int end = Math.min(query.length(), i);
      out.append(query, from, end);
      return end;
    }
    int end = from;
    while (end < query.length()
        && !Character.isWhitespace(query.charAt(end))
        && query.charAt(end) != ')') {
      end += query.charAt(end) == '\\' ? 2 : 1;
    }
    end = Math.min(query.length(), end);
    out.append(query, from, end);
    return end;
  }
}
