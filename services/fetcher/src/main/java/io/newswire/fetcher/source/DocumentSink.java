package io.newswire.fetcher.source;

import io.newswire.fetcher.state.SeenStore;
import io.newswire.model.RawDocument;

/**
 * Where sources put what they fetched, and the record of what they put: Kafka in the service, a
 * list in unit tests. The sink owns the seen-state: it records an id's hash in the same step as the
 * document or dead letter that stands for it (the Kafka sink: one transaction), and sources only
 * read it, through {@link #seen()}, to skip what is unchanged.
 */
public interface DocumentSink {

  /**
   * What was last emitted or dead-lettered per document id. Sources read it; the sink writes it.
   */
  SeenStore seen();

  /**
   * Publishes {@code document} and records {@code hash} as seen for its id; returns once both are
   * durably stored (the broker acknowledged).
   */
  void emit(RawDocument document, String hash);

  /**
   * Records input that cannot become a document, with the reason (the DLQ in the service), and
   * unless {@code marker} is null records the marker as seen for {@code key}, so that a restart
   * does not dead-letter the same input again.
   */
  void reject(String key, byte[] value, String reason, Throwable error, String marker);
}
