package io.newswire.model;

import java.time.Instant;

/**
 * A cleaned article's text fingerprint and the story the cleaner put it in, as every cleaner
 * instance reads them back from {@link Topics#STORIES} (keyed by article id) to find later copies.
 *
 * @param storyId id of the story's first article, {@code id} when this is the first
 * @param duplicateOf id of the earlier article this one copies, null when it is the first
 * @param contentHash the article's {@link CleanArticle#contentHash}: equal text is a copy even when
 *     too short to fingerprint
 * @param signature the MinHash values, URL-safe base64 of their big-endian bytes; null for a text
 *     too short
 * @param shingles how many word shingles the text has, 0 when {@code signature} is null
 * @param at when the article was cleaned: fingerprints older than the cleaner's window are not
 *     compared
 */
public record StoryFingerprint(
    int schemaVersion,
    String id,
    String storyId,
    String duplicateOf,
    String contentHash,
    String signature,
    int shingles,
    Instant at)
    implements Versioned {

  @Override
  public int supportedSchemaVersion() {
    return SchemaVersions.STORY_FINGERPRINT;
  }
}
