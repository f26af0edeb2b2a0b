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
 * @param storyId id of the first article of the story this one belongs to (issue 13): its own id
 *     when it is the first, and so also for a version-1 record, which has none
 * @param duplicateOf id of the earlier article whose text this one copies, null if none
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
    Instant cleanedAt,
    String storyId,
    String duplicateOf)
    implements Versioned {

  public CleanArticle {
    authors = authors == null ? List.of() : List.copyOf(authors);
    storyId = storyId == null ? id : storyId;
  }

  /** An article of its own story, as extracted before the cleaner compares it with earlier ones. */
  public CleanArticle(
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
      Instant cleanedAt) {
    this(
        schemaVersion,
        id,
        url,
        source,
        title,
        published,
        authors,
        language,
        section,
        text,
        contentHash,
        extractionVersion,
        fetchedAt,
        cleanedAt,
        id,
        null);
  }

  /** This article placed in a story: {@code duplicateOf} null when it copies no earlier one. */
  public CleanArticle inStory(String storyId, String duplicateOf) {
    return new CleanArticle(
        SchemaVersions.CLEAN_ARTICLE,
        id,
        url,
        source,
        title,
        published,
        authors,
        language,
        section,
        text,
        contentHash,
        extractionVersion,
        fetchedAt,
        cleanedAt,
        storyId,
        duplicateOf);
  }

  @Override
  public int supportedSchemaVersion() {
    return SchemaVersions.CLEAN_ARTICLE;
  }
}
