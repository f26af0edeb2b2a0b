package io.newswire.fetcher.state;

/**
 * The content hash last emitted per document id, so a document is emitted again only when its
 * content changed, and a feed item only once.
 */
public interface SeenStore {

  /** The content hash recorded for {@code id}, or null if it was never emitted. */
  String hash(String id);

  /** Records {@code hash} for {@code id}; called only after the document itself was acknowledged. */
  void markSeen(String id, String hash);

  default boolean isSeen(String id) {
    return hash(id) != null;
  }
}
