package io.newswire.alerter.rules;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis of one {@code stem_<language>} field, built as the index template's {@code
 * newswire_stem_*} analyzers are (standard tokenizer, lower case, then Elasticsearch's {@code
 * stemmer} filter for the language): {@code english} is Lucene's {@link PorterStemFilter}, {@code
 * light_russian}, {@code light_german}, {@code light_french} and {@code light_spanish} its light
 * stemmers, code that is the same in Elasticsearch 7.10's Lucene 8 and the alerter's Lucene 9.
 * Wildcards, fuzzy terms and regular expressions are only lower-cased, as Elasticsearch normalises
 * them; the title and the text of one article are 100 positions apart, Elasticsearch's default gap
 * between the values of a field.
 */
final class StemAnalyzer extends Analyzer {
  private static final int POSITION_GAP = 100;

  private final String language;

  StemAnalyzer(String language) {
    this.language = language;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer tokenizer = new StandardTokenizer();
    TokenStream lower = new LowerCaseFilter(tokenizer);
    return new TokenStreamComponents(tokenizer, stem(lower));
  }

  private TokenStream stem(TokenStream in) {
    return switch (language) {
      case "en" -> new PorterStemFilter(in);
      case "ru" -> new RussianLightStemFilter(in);
      case "de" -> new GermanLightStemFilter(in);
      case "fr" -> new FrenchLightStemFilter(in);
      case "es" -> new SpanishLightStemFilter(in);
      default -> throw new IllegalArgumentException("no stemmer for language " + language);
    };
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }

  @Override
  public int getPositionIncrementGap(String fieldName) {
    return POSITION_GAP;
  }
}
