package io.newswire.fetcher.source;

import io.newswire.model.RawDocument;

/** Where sources put what they fetched: Kafka in the service, a list in unit tests. */
public interface DocumentSink {

  /** Publishes {@code document} and returns once it is durably stored (the broker acknowledged). */
  void emit(RawDocument document);

  /** Records input that cannot become a document, with the reason (the DLQ in the service). */
  void reject(String key, byte[] value, String reason, Throwable error);
}
