package io.newswire.fetcher;

import io.newswire.common.DeadLetterSink;
import io.newswire.fetcher.source.DocumentSink;
import io.newswire.model.Json;
import io.newswire.model.RawDocument;
import io.newswire.model.Topics;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Publishes documents on {@code newswire.raw}, keyed by id, and waits for the broker's ack. */
final class KafkaDocumentSink implements DocumentSink {
  static final String STAGE = "fetcher";
  private static final long ACK_TIMEOUT_SECONDS = 30;

  private final Producer<String, byte[]> producer;
  private final DeadLetterSink deadLetters;

  KafkaDocumentSink(Producer<String, byte[]> producer) {
    this.producer = producer;
    this.deadLetters = new DeadLetterSink(producer, STAGE);
  }

  @Override
  public void emit(RawDocument document) {
    try {
      producer
          .send(new ProducerRecord<>(Topics.RAW, document.id(), Json.write(document)))
          .get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while publishing " + document.url(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "Could not publish " + document.url() + " to " + Topics.RAW + " within " + ACK_TIMEOUT_SECONDS + " s", e);
    }
  }

  @Override
  public void reject(String key, byte[] value, String reason, Throwable error) {
    deadLetters.send(Topics.RAW, key, value, reason, error);
  }
}
