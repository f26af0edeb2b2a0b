package io.newswire.kafka;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Sends what a stage cannot handle to the stage's DLQ topic, logging the reason, and waits for the
 * broker's acknowledgement so the offset of the bad record may then be committed.
 */
public final class DeadLetterSink {
  private static final Logger LOG = Logger.getLogger(DeadLetterSink.class);

  private final Producer<String, byte[]> producer;
  private final String stage;

  public DeadLetterSink(Producer<String, byte[]> producer, String stage) {
    this.producer = producer;
    this.stage = stage;
  }

  /** Dead-letters a consumed record. */
  public void send(ConsumerRecord<String, byte[]> failed, String reason, Throwable error) {
    LOG.warnf(
        "%s: record %s-%d@%d (key %s) goes to %s.dlq: %s",
        stage,
        failed.topic(),
        failed.partition(),
        failed.offset(),
        failed.key(),
        failed.topic(),
        reason);
    sendAndWait(DeadLetters.of(failed, stage, reason, error));
  }

  /** Dead-letters input that never became a record, such as an unreadable file. */
  public void send(String topic, String key, byte[] value, String reason, Throwable error) {
    LOG.warnf("%s: %s goes to %s.dlq: %s", stage, key, topic, reason);
    sendAndWait(DeadLetters.of(topic, key, value, stage, reason, error));
  }

  private void sendAndWait(ProducerRecord<String, byte[]> record) {
    try {
      producer.send(record).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while writing to " + record.topic(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not write to " + record.topic(), e);
    }
  }
}
