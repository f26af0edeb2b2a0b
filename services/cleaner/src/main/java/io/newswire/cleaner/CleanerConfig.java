package io.newswire.cleaner;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the cleaner, all under {@code newswire.cleaner}. */
@ConfigMapping(prefix = "newswire.cleaner")
public interface CleanerConfig {
  /** Consumer group of the cleaner instances; instances of one group share the raw partitions. */
  @WithDefault("newswire-cleaner")
  String groupId();

  /**
   * Prefix of the transactional id; each instance appends its own suffix. Two live instances with
   * the same full id fence each other, so the older one stops.
   */
  @WithDefault("newswire-cleaner")
  String transactionalIdPrefix();

  /**
   * Records cleaned per transaction; larger batches commit less often but redo more after a crash.
   */
  @WithDefault("100")
  int maxPollRecords();

  /**
   * Pages of a batch extracted at once. Extraction is the cleaner's whole cost, so one thread per
   * core (the default, {@code 0}) lets one instance use the machine; outputs keep their input
   * order.
   */
  @WithDefault("0")
  int threads();

  /**
   * Largest {@code newswire.raw} value, in bytes as it sits on the topic, that the cleaner parses
   * and extracts. A larger one is not parsed: it goes to {@code newswire.raw.dlq} with its size,
   * this limit and this setting's name as the reason and only its first 256 KB kept, and the stream
   * goes on. The default leaves room for the fetcher's largest body ({@code
   * newswire.fetcher.max-body-bytes}, 10 MB) written as JSON; the topic itself accepts up to 64 MB
   * ({@code TopicSetup.RAW_MAX_MESSAGE_BYTES}), which is as far as raising this setting helps.
   */
  @WithDefault("16777216")
  int maxRawBytes();

  /**
   * How long the extraction of one page may take. A page that takes longer (a crafted or
   * pathological one) is given up and goes to {@code newswire.raw.dlq} with this limit and this
   * setting's name as the reason; it is not retried, and the rest of its batch goes on. Typical
   * pages take a few milliseconds; {@code 0} removes the limit.
   */
  @WithDefault("2s")
  Duration maxExtractionTime();

  /**
   * How much of a shorter text a longer one must hold for the later of the two to be a copy of the
   * earlier (issue 13): the estimated share of its five-word runs, 0 to 1. At 0.7 the same report
   * inside other sites' furniture, as plain text or cut to its first half is a copy in 97–100% of
   * the evaluation pages, and 8 of 418,155 pairs of different pages are, 7 of them the same wire
   * story on two sites (extract README). Lower finds more shortened copies and more false ones.
   */
  @WithDefault("0.7")
  double storyThreshold();

  /**
   * Articles whose fingerprints the cleaner keeps to find copies of, about 3 KB each (60 MB at the
   * default); past it the oldest are forgotten, and a copy of one of them starts a story of its
   * own.
   */
  @WithDefault("20000")
  int storyCapacity();

  /**
   * How far back a copy is looked for: an article older than this is forgotten, and a copy of it
   * starts a story of its own. {@code newswire.stories} keeps 30 days, the longest window that
   * survives a restart.
   */
  @WithDefault("168h")
  Duration storyWindow();

  /** Set to {@code false} to start the service without consuming (for maintenance). */
  @WithDefault("true")
  boolean enabled();

  /**
   * Whether the cleaner learns each site's furniture: blocks that recur across a host's recent
   * pages are dropped from its later pages. Memory is bounded (hosts and pages per host); the first
   * page of a site is cleaned without it. {@code OFF} cleans every page on its own.
   */
  @WithDefault("ON")
  SiteLearning siteLearning();

  /** See {@link #siteLearning()}. */
  enum SiteLearning {
    ON,
    OFF
  }
}
