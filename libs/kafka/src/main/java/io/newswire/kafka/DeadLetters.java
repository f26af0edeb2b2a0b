package io.newswire.kafka;

import io.newswire.model.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Builds the record a stage sends to {@code <topic>.dlq} for input it cannot handle: the original
 * key and value (cut to {@link #MAX_VALUE_BYTES}) with the reason and origin in headers.
 */
public final class DeadLetters {
  public static final String REASON = "newswire.dlq.reason";
  public static final String STAGE = "newswire.dlq.stage";
  public static final String EXCEPTION = "newswire.dlq.exception";
  public static final String ORIGIN_TOPIC = "newswire.dlq.topic";
  public static final String ORIGIN_PARTITION = "newswire.dlq.partition";
  public static final String ORIGIN_OFFSET = "newswire.dlq.offset";
  public static final String TRUNCATED = "newswire.dlq.truncated";

  /** Values above this are cut so the dead letter itself fits the broker's record size limit. */
  public static final int MAX_VALUE_BYTES = 256 * 1024;

  private DeadLetters() {}

  /** The dead letter of a consumed record. */
  public static ProducerRecord<String, byte[]> of(
      ConsumerRecord<String, byte[]> failed, String stage, String reason, Throwable error) {
    ProducerRecord<String, byte[]> out =
        of(failed.topic(), failed.key(), failed.value(), stage, reason, error);
    out.headers()
        .add(ORIGIN_PARTITION, bytes(Integer.toString(failed.partition())))
        .add(ORIGIN_OFFSET, bytes(Long.toString(failed.offset())));
    return out;
  }

  /** The dead letter of input that never was a record, such as an unreadable file. */
  public static ProducerRecord<String, byte[]> of(
      String topic, String key, byte[] value, String stage, String reason, Throwable error) {
    byte[] kept = value;
    boolean truncated = value != null && value.length > MAX_VALUE_BYTES;
    if (truncated) {
      kept = Arrays.copyOf(value, MAX_VALUE_BYTES);
    }
    ProducerRecord<String, byte[]> out = new ProducerRecord<>(Topics.dlq(topic), key, kept);
    Headers headers = out.headers();
    headers.add(REASON, bytes(reason == null ? "unknown" : reason));
    headers.add(STAGE, bytes(stage));
    headers.add(ORIGIN_TOPIC, bytes(topic));
    if (error != null) {
      headers.add(EXCEPTION, bytes(error.getClass().getName()));
    }
    if (truncated) {
      headers.add(TRUNCATED, bytes(Integer.toString(value.length)));
    }
    return out;
  }

  /** The text of a header, or null. */
  public static String header(Headers headers, String name) {
    var header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
