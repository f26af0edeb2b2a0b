package io.newswire.model;

import java.time.Instant;

/**
 * A fetched page or file, before cleaning.
 *
 * @param feedTitle what the feed said about the item, if it came from a feed (else null); likewise
 *     {@code feedPublished} and {@code feedAuthor}
 */
public record RawDocument(
    int schemaVersion,
    String id,
    String url,
    String source,
    Instant fetchedAt,
    String contentType,
    String charset,
    String body,
    String etag,
    String lastModified,
    String feedTitle,
    String feedPublished,
    String feedAuthor)
    implements Versioned {

  /** A document with the current schema version and no feed or validator metadata. */
  public static RawDocument of(
      String url, String source, String contentType, String charset, String body) {
    return new RawDocument(
        SchemaVersions.RAW_DOCUMENT,
        DocumentIds.forUrl(url),
        url,
        source,
        Instant.now(),
        contentType,
        charset,
        body,
        null,
        null,
        null,
        null,
        null);
  }

  @Override
  public int supportedSchemaVersion() {
    return SchemaVersions.RAW_DOCUMENT;
  }
}
