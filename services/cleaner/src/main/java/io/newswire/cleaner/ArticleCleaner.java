package io.newswire.cleaner;

import io.newswire.extract.Extraction;
import io.newswire.extract.ExtractionException;
import io.newswire.extract.ExtractionTimeoutException;
import io.newswire.extract.Extractor;
import io.newswire.extract.text.LeadTitle;
import io.newswire.model.CleanArticle;
import io.newswire.model.DocumentIds;
import io.newswire.model.RawDocument;
import io.newswire.model.SchemaVersions;
import java.time.Instant;
import java.util.List;

/**
 * Turns a raw document into a clean article: the extractor's text and metadata, with what the feed
 * said as the fallback for metadata the page does not declare, and the lead sentence as the title
 * when nothing names one.
 */
public final class ArticleCleaner {
  /** Bumped whenever extraction changes what it keeps, so re-cleaned articles can be told apart. */
  public static final String EXTRACTION_VERSION = "extract-1";

  private final Extractor extractor;

  public ArticleCleaner(Extractor extractor) {
    this.extractor = extractor;
  }

  /**
   * The setting behind the extractor's time limit, named in the reason of a page that exceeds it.
   */
  static final String MAX_EXTRACTION_TIME = "newswire.cleaner.max-extraction-time";

  /**
   * @throws io.newswire.extract.ExtractionException with the reason when nothing can be cleaned, or
   *     when extraction takes longer than {@value #MAX_EXTRACTION_TIME} allows
   */
  public CleanArticle clean(RawDocument raw) {
    // an empty, blank or binary body is refused by the extractor, with the fetcher's reason
    Extraction extraction;
    try {
      extraction = extractor.extract(raw.body(), raw.contentType(), raw.url());
    } catch (ExtractionTimeoutException e) {
      throw new ExtractionException(
          e.getMessage()
              + " ("
              + raw.body().length()
              + " chars of "
              + raw.contentType()
              + "); raise "
              + MAX_EXTRACTION_TIME
              + " if such pages are expected");
    }
    List<String> authors = extraction.authors();
    if ((authors == null || authors.isEmpty()) && raw.feedAuthor() != null) {
      authors = List.of(raw.feedAuthor());
    }
    String id = raw.id() != null ? raw.id() : DocumentIds.forUrl(raw.url());
    return new CleanArticle(
        SchemaVersions.CLEAN_ARTICLE,
        id,
        raw.url(),
        raw.source(),
        firstNonBlank(
            firstNonBlank(extraction.title(), raw.feedTitle()), LeadTitle.of(extraction.text())),
        firstNonBlank(extraction.published(), raw.feedPublished()),
        authors,
        extraction.language(),
        extraction.section(),
        extraction.text(),
        DocumentIds.hash(extraction.text()),
        EXTRACTION_VERSION,
        raw.fetchedAt(),
        Instant.now());
  }

  private static String firstNonBlank(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }
}
