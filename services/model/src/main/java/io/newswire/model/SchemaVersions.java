package io.newswire.model;

/** Current schema version of every event; a consumer rejects versions newer than it knows. */
public final class SchemaVersions {
  public static final int RAW_DOCUMENT = 1;
  public static final int CLEAN_ARTICLE = 1;
  public static final int ALERT = 1;
  public static final int RULE = 1;
  public static final int SOURCE = 1;

  private SchemaVersions() {}
}
