package io.newswire.fetcher;

import io.newswire.fetcher.source.DocumentSink;
import io.newswire.fetcher.state.InMemorySeenStore;
import io.newswire.fetcher.state.SeenStore;
import io.newswire.model.RawDocument;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects what sources emit, in place of Kafka, and records it as seen as the Kafka sink does. */
public final class ListSink implements DocumentSink {
  public record Rejection(String key, byte[] value, String reason) {}

  public final List<RawDocument> documents = new CopyOnWriteArrayList<>();
  public final List<Rejection> rejections = new CopyOnWriteArrayList<>();
  private final SeenStore seen;

  public ListSink() {
    this(new InMemorySeenStore());
  }

  /**
   * A sink that records in {@code seen}: a restart's sink, given the seen-state of the one before.
   */
  public ListSink(SeenStore seen) {
    this.seen = seen;
  }

  @Override
  public SeenStore seen() {
    return seen;
  }

  @Override
  public void emit(RawDocument document, String hash) {
    documents.add(document);
    seen.markSeen(document.id(), hash);
  }

  @Override
  public void reject(String key, byte[] value, String reason, Throwable error, String marker) {
    rejections.add(new Rejection(key, value, reason));
    if (marker != null) {
      seen.markSeen(key, marker);
    }
  }
}
