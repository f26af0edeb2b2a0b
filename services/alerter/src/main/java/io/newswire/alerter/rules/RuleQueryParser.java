package io.newswire.alerter.rules;

import io.newswire.model.NameKeys;
import io.newswire.model.NameVariants;
import io.newswire.model.StemmedFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Parses a rule so that it means what the same text means as a search of the index ({@code
 * query_string} over {@code title} and {@code text}, {@code default_operator: AND}, Elasticsearch's
 * {@code standard} analyzer):
 *
 * <ul>
 *   <li>every word is required unless the rule says {@code OR};
 *   <li>a hyphenated or multi-token term requires all its tokens, as Elasticsearch does with {@code
 *       AND} (the classic parser ORs them with its default operator);
 *   <li>a clause that analyses to nothing (only punctuation, or stop words if the analyzer ever
 *       drops some) is an error, where the classic parser would silently drop it and widen the
 *       rule;
 *   <li>a regular expression with capital letters is an error: the index holds lower-cased words,
 *       Elasticsearch matches the expression as written (so {@code /Mosc.w/} finds nothing there)
 *       while this parser would lower-case it, so the two would disagree.
 * </ul>
 */
public final class RuleQueryParser {
  /**
   * The fields a rule and a search look at, as indexed by the indexer's template: the exact forms
   * in {@code title} and {@code text}, and the stemmed field of each language that has one.
   */
  public static final String[] FIELDS = fields();

  private static String[] fields() {
    List<String> fields = new ArrayList<>(List.of("title", "text"));
    for (String language : StemmedFields.LANGUAGES) {
      fields.add(StemmedFields.field(language));
    }
    return fields.toArray(String[]::new);
  }

  /**
   * Deepest nesting of parentheses a rule may have. The parser recurses once per level, so a few
   * thousand levels (a rule of some 10 KB) overflow its stack: at rule creation, and in every
   * alerter that reads the rule back from newswire.rules.
   */
  static final int MAX_NESTING = 64;

  /**
   * Same as the index: Elasticsearch's {@code standard} analyzer (no stop words, lower-cased) for
   * {@code title} and {@code text}, the template's stemming analyzer for each {@code
   * stem_<language>}, and {@code whitespace} for the name keys in {@code names}.
   */
  public static Analyzer analyzer() {
    Map<String, Analyzer> stemmed = new HashMap<>();
    for (String language : StemmedFields.LANGUAGES) {
      stemmed.put(StemmedFields.field(language), new StemAnalyzer(language));
    }
    stemmed.put(NameKeys.FIELD, new WhitespaceAnalyzer());
    return new PerFieldAnalyzerWrapper(new StandardAnalyzer(CharArraySet.EMPTY_SET), stemmed);
  }

  private final Analyzer analyzer;

  public RuleQueryParser(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * The rule with its names widened to their other spellings ({@link NameVariants}), as a search
   * does it.
   *
   * @throws InvalidRuleException naming what to change
   */
  public Query parse(String rule) {
    return parse(rule, true);
  }

  /**
   * @param variants whether names also match their other spellings; false for a rule marked {@code
   *     exact}
   * @throws InvalidRuleException naming what to change
   */
  public Query parse(String rule, boolean variants) {
    if (rule == null || rule.isBlank()) {
      throw new InvalidRuleException("The rule's query is empty; give words or phrases to match");
    }
    int nesting = nesting(rule);
    if (nesting > MAX_NESTING) {
      throw new InvalidRuleException(
          "The rule's query nests "
              + nesting
              + " levels of parentheses; at most "
              + MAX_NESTING
              + " are allowed");
    }
    Query query = parseAsWritten(rule);
    NameVariants.Expanded expanded = NameVariants.expand(rule);
    if (variants && expanded.widened()) {
      // parsed as written first, so that an error points into what the analyst wrote
      query = parseAsWritten(expanded.query());
    }
    if (query == null
        || query instanceof MatchNoDocsQuery
        || query instanceof BooleanQuery bq && bq.clauses().isEmpty()) {
      throw new InvalidRuleException("Query '" + rule + "' has no searchable words");
    }
    return query;
  }

  private Query parseAsWritten(String rule) {
    StrictParser parser = new StrictParser(analyzer);
    try {
      return parser.parse(rule);
    } catch (ParseException e) {
      throw new InvalidRuleException(
          "Cannot parse query '" + rule + "': " + firstLine(e.getMessage()));
    } catch (BooleanQuery.TooManyClauses e) {
      throw new InvalidRuleException("Query '" + rule + "' expands to too many terms");
    } catch (ClauseException e) {
      throw new InvalidRuleException("In query '" + rule + "', " + e.getMessage());
    }
  }

  /** The deepest nesting of parentheses outside quoted phrases and escapes. */
  private static int nesting(String rule) {
    int depth = 0;
    int deepest = 0;
    boolean quoted = false;
    for (int i = 0; i < rule.length(); i++) {
      char c = rule.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        deepest = Math.max(deepest, ++depth);
      } else if (!quoted && c == ')') {
        depth = Math.max(0, depth - 1);
      }
    }
    return deepest;
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /**
   * A clause the rule cannot keep; thrown from inside the parser, which only declares {@link
   * ParseException}.
   */
  private static final class ClauseException extends RuntimeException {
    ClauseException(String message) {
      super(message);
    }
  }

  private static final class StrictParser extends MultiFieldQueryParser {
    StrictParser(Analyzer analyzer) {
      super(FIELDS, analyzer, Map.of());
      setDefaultOperator(QueryParser.Operator.AND);
      setAllowLeadingWildcard(false);
      setSplitOnWhitespace(true);
    }

    /**
     * Without a field, the term is analysed per field and the per-field queries ORed, so all the
     * tokens of a term must occur in one field (Elasticsearch's {@code best_fields}). The stock
     * multi-field parser regroups tokens across fields and ORs them, which widens a hyphenated term
     * such as {@code Nagorno-Karabakh} to either half.
     */
    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted)
        throws ParseException {
      Query query;
      if (field == null) {
        BooleanQuery.Builder anyField = new BooleanQuery.Builder();
        int clauses = 0;
        for (String f : FIELDS) {
          Query perField = super.getFieldQuery(f, queryText, quoted);
          if (perField != null) {
            anyField.add(perField, BooleanClause.Occur.SHOULD);
            clauses++;
          }
        }
        query = clauses == 0 ? null : anyField.build();
      } else {
        query = super.getFieldQuery(field, queryText, quoted);
      }
      if (query == null) {
        throw new ClauseException("'" + queryText + "' has no searchable words");
      }
      return query;
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
      if (!termStr.equals(termStr.toLowerCase(java.util.Locale.ROOT))) {
        throw new ClauseException(
            "the regular expression /"
                + termStr
                + "/ has capital letters, but words are"
                + " indexed in lower case and a search would not match it; write /"
                + termStr.toLowerCase(java.util.Locale.ROOT)
                + "/");
      }
      return super.getRegexpQuery(field, termStr);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
      Query query = super.getFieldQuery(field, queryText, slop);
      if (query == null) {
        throw new ClauseException("'" + queryText + "' has no searchable words");
      }
      return query;
    }
  }
}
