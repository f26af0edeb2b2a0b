package io.newswire.indexer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the indexer, all under {@code newswire.indexer}. */
@ConfigMapping(prefix = "newswire.indexer")
public interface IndexerConfig {
  /** Consumer group of the indexer instances; instances of one group share the clean partitions. */
  @WithDefault("newswire-indexer")
  String groupId();

  /**
   * Alias that searches, Kibana and writes go through; it points at the current versioned index.
   */
  @WithDefault("newswire")
  String alias();

  /**
   * The versioned index created behind {@link #alias()} when the alias is missing. A mapping change
   * means a new version: reindex into it, then swap the alias (see README, "Reindexing").
   */
  @WithDefault("newswire-v1")
  String initialIndex();

  /**
   * Articles per poll, and so at most per bulk request; bigger batches index faster but redo more
   * after a crash.
   */
  @WithDefault("500")
  int batchSize();

  /**
   * Largest bulk request, in bytes of its body: a batch above it goes as several requests, and an
   * article larger than this on its own as a request of its own. Keep it below Elasticsearch's
   * {@code http.max_content_length} (100 MB unless set lower, and a proxy in front may allow less):
   * a request refused as too large (HTTP 413) is sent again in halves until the article too large
   * on its own is found, which goes to {@code newswire.clean.dlq} with that reason while the rest
   * of its batch is indexed.
   */
  @WithDefault("5242880")
  int maxBulkBytes();

  /** First pause before a failed bulk is retried; doubled each attempt, with jitter. */
  @WithDefault("200ms")
  Duration retryBackoff();

  /**
   * Longest pause between retries. Retries never give up: while Elasticsearch is unreachable or
   * overloaded the consumer pauses its partitions and nothing is committed or dropped.
   */
  @WithDefault("30s")
  Duration maxRetryBackoff();

  /**
   * How soon indexed articles become searchable: after a bulk request the indexer refreshes the
   * index at once, or, when it refreshed less than this long ago, at this mark, so at most one
   * refresh per this period and none while idle; above 100 articles a second it leaves them to the
   * index's {@code refresh_interval} (1 s), which costs Elasticsearch less per article. {@code 0}
   * always leaves them to it. Shorter is fresher but makes more, smaller segments for Elasticsearch
   * to merge.
   */
  @WithDefault("250ms")
  Duration refreshAfterWrite();

  /** Set to {@code false} to serve search without consuming. */
  @WithDefault("true")
  boolean enabled();
}
