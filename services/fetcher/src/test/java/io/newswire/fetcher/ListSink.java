package io.newswire.fetcher;

import io.newswire.fetcher.source.DocumentSink;
import io.newswire.model.RawDocument;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects what sources emit, in place of Kafka. */
public final class ListSink implements DocumentSink {
  public record Rejection(String key, byte[] value, String reason) {}

  public final List<RawDocument> documents = new CopyOnWriteArrayList<>();
  public final List<Rejection> rejections = new CopyOnWriteArrayList<>();

  @Override
  public void emit(RawDocument document) {
    documents.add(document);
  }

  @Override
  public void reject(String key, byte[] value, String reason, Throwable error) {
    rejections.add(new Rejection(key, value, reason));
  }
}
