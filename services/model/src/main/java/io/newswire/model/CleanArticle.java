package io.newswire.model;

import java.time.Instant;
import java.util.List;

/**
 * A report after cleaning: the main text and the metadata the page declares.
 *
 * @param published ISO-8601, date precision allowed ({@code 2021-09}, {@code 2020-10-09})
 * @param text main text only, paragraphs separated by a blank line
 * @param contentHash SHA-256 of {@code text}, URL-safe base64; equal hashes mean equal text
 * @param extractionVersion version of the extractor that produced {@code text}
 */
public record CleanArticle(
    int schemaVersion,
    String id,
    String url,
    String source,
    String title,
    String published,
    List<String> authors,
    String language,
    String section,
    String text,
    String contentHash,
    String extractionVersion,
    Instant fetchedAt,
    Instant cleanedAt)
    implements Versioned {

  public CleanArticle {
    authors = authors == null ? List.of() : List.copyOf(authors);
  }

  @Override
  public int supportedSchemaVersion() {
    return SchemaVersions.CLEAN_ARTICLE;
  }
}
