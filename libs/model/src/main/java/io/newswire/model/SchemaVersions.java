package io.newswire.model;

/** Current schema version of every event; a consumer rejects versions newer than it knows. */
public final class SchemaVersions {
  public static final int RAW_DOCUMENT = 1;

  /** 2: {@code storyId} and {@code duplicateOf} (issue 13). */
  public static final int CLEAN_ARTICLE = 2;

  /** 2: {@code source}, {@code storyId} and {@code copyOf} (issue 13). */
  public static final int ALERT = 2;

  public static final int RULE = 1;
  public static final int SOURCE = 1;
  public static final int STORY_FINGERPRINT = 1;

  private SchemaVersions() {}
}
