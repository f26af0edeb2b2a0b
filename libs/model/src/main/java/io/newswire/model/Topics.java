package io.newswire.model;

/** Kafka topic names: the contracts between the services. */
public final class Topics {
  public static final String RAW = "newswire.raw";
  public static final String CLEAN = "newswire.clean";
  public static final String ALERTS = "newswire.alerts";

  /** Compacted: alert rules keyed by rule id; a tombstone deletes a rule. */
  public static final String RULES = "newswire.rules";

  /** Compacted: monitored sources keyed by host. */
  public static final String SOURCES = "newswire.sources";

  /**
   * Compacted: each cleaned article's text fingerprint and story, keyed by article id (issue 13).
   */
  public static final String STORIES = "newswire.stories";

  /** Suffix of the dead-letter topic of each consumed topic. */
  public static final String DLQ_SUFFIX = ".dlq";

  private Topics() {}

  /** The dead-letter topic where a consumer of {@code topic} puts the records it cannot handle. */
  public static String dlq(String topic) {
    return topic + DLQ_SUFFIX;
  }
}
