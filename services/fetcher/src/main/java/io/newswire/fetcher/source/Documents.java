package io.newswire.fetcher.source;

import io.newswire.model.DocumentIds;
import io.newswire.model.RawDocument;
import io.newswire.model.SchemaVersions;
import java.time.Instant;

/** Builds the {@link RawDocument}s the sources emit. */
public final class Documents {
  private Documents() {}

  /** Metadata a feed or news sitemap gave about an item; every field may be null. */
  public record ItemMetadata(String title, String published, String author) {
    public static final ItemMetadata NONE = new ItemMetadata(null, null, null);
  }

  /**
   * @param id the document id of {@code url} ({@link DocumentIds#forUrl}), which the source has
   *     computed already to look the item up in the seen-state: once per item
   */
  public static RawDocument raw(
      String id,
      String url,
      String source,
      String contentType,
      String charset,
      String body,
      String etag,
      String lastModified,
      ItemMetadata item) {
    return new RawDocument(
        SchemaVersions.RAW_DOCUMENT,
        id,
        url,
        source,
        Instant.now(),
        contentType,
        charset,
        body,
        etag,
        lastModified,
        item.title(),
        item.published(),
        item.author());
  }
}
