package io.newswire.fetcher.state;

/**
 * What was last emitted per document id, so a document is emitted again only when its content
 * changed, and a feed item only once. Bounded: what is kept, and what forgetting means, is in
 * {@link InMemorySeenStore}.
 */
public interface SeenStore {

  /** True if a document, or a dead letter standing for one, was recorded for {@code id}. */
  boolean isSeen(String id);

  /**
   * True if {@code hash} (a content hash, or a marker such as {@code rejected:robots}) is what was
   * last recorded for {@code id}.
   */
  boolean matches(String id, String hash);

  /**
   * Records {@code hash} for {@code id}; called only after the document itself was acknowledged.
   */
  void markSeen(String id, String hash);
}
