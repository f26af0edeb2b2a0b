package io.newswire.model;

import java.util.List;

/**
 * The languages whose articles are also indexed stemmed (issue 13), so that {@code sanction} finds
 * {@code sanctions} and {@code санкции} finds {@code санкций}, while {@code title} and {@code text}
 * keep the exact forms. An article in one of them gets one more field, {@code stem_<language>},
 * holding its title and text; searches and rules look at it beside {@code title} and {@code text},
 * so a word matches an exact form or, in the article's own language, any form with the same stem.
 *
 * <p>Each stemmer is one whose code is the same in Elasticsearch 7.10, 9.x and the alerter's
 * Lucene: the index template ({@code deploy/elasticsearch/newswire-template.json}) names them as
 * Elasticsearch's {@code stemmer} filter languages, the alerter builds the same Lucene filters.
 * English uses Porter's stemmer; Russian, German, French and Spanish Savoy's light stemmers (which
 * strip case and number endings, as an analyst expects, and nothing more). Ukrainian and Belarusian
 * have no stemmer in Elasticsearch's {@code analysis-common} module, so they are matched by their
 * exact forms only.
 */
public final class StemmedFields {

  /** ISO 639-1 codes, each with its field {@code stem_<code>}. */
  public static final List<String> LANGUAGES = List.of("en", "ru", "de", "fr", "es");

  private StemmedFields() {}

  /**
   * The stemmed field for an article in {@code language}, or null when the language is not stemmed.
   */
  public static String fieldFor(String language) {
    return language != null && LANGUAGES.contains(language) ? field(language) : null;
  }

  public static String field(String language) {
    return "stem_" + language;
  }
}
