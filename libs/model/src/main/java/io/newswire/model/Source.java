package io.newswire.model;

import java.time.Instant;

/**
 * One monitored source on the compacted {@code newswire.sources} topic. The record key is {@code
 * <shard>/<name>} and the partition is chosen by the shard (the host, or {@code folder:<name>} for
 * a watched folder), so all sources of one host share a partition and so one fetcher instance; a
 * tombstone removes the source.
 *
 * @param type {@code folder}, {@code feed}, {@code sitemap}, {@code page} or {@code site}
 * @param path the watched folder of a folder source, else null
 * @param url the address of the other types, else null
 * @param interval the poll interval it starts at (ISO-8601), or null for the configured default
 * @param origin {@code file} when it came from the sources file (which then owns it), {@code api}
 *     when it was added with {@code ./newswire sources add}
 */
public record Source(
    int schemaVersion,
    String name,
    String type,
    String path,
    String url,
    String interval,
    String origin,
    Instant updatedAt)
    implements Versioned {

  @Override
  public int supportedSchemaVersion() {
    return SchemaVersions.SOURCE;
  }
}
