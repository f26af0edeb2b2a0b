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

  public static RawDocument raw(
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
        DocumentIds.forUrl(url),
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
