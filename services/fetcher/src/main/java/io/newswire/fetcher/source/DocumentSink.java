package io.newswire.fetcher.source;

import io.newswire.fetcher.state.SeenStore;
import io.newswire.model.RawDocument;

/** Where sources put what they fetched: Kafka in the service, a list in unit tests. */
public interface DocumentSink {

  /** Publishes {@code document} and returns once it is durably stored (the broker acknowledged). */
  void emit(RawDocument document);

  /** Records input that cannot become a document, with the reason (the DLQ in the service). */
  void reject(String key, byte[] value, String reason, Throwable error);

  /**
   * Publishes {@code document} and records {@code hash} as seen for {@code id}, as one step where
   * the sink can make it one (the Kafka sink: one transaction); here, the two in turn.
   */
  default void emit(RawDocument document, SeenStore seen, String id, String hash) {
    emit(document);
    seen.markSeen(id, hash);
  }

  /**
   * {@link #reject(String, byte[], String, Throwable)} and, unless {@code marker} is null, records
   * it as seen.
   */
  default void reject(
      String key, byte[] value, String reason, Throwable error, SeenStore seen, String marker) {
    reject(key, value, reason, error);
    if (marker != null) {
      seen.markSeen(key, marker);
    }
  }
}
