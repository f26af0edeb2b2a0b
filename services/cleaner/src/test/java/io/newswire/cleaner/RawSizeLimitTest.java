package io.newswire.cleaner;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.kafka.DeadLetters;
import io.newswire.model.Topics;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 5: a raw value over newswire.cleaner.max-raw-bytes is refused unparsed, with a reason to
 * act on.
 */
class RawSizeLimitTest {
  private final RawSizeLimit limit = new RawSizeLimit(1000);

  @Test
  void passesValuesUpToTheLimit() {
    assertDoesNotThrow(() -> limit.check(new byte[1000]));
    assertDoesNotThrow(() -> limit.check(new byte[0]));
    assertDoesNotThrow(() -> limit.check(null)); // Json.read gives the reason for that one
  }

  @Test
  void refusesALargerValueBeforeItIsReadNamingSizeLimitAndSetting() {
    // not JSON at all: the size is checked first, so the reason is the size, not the syntax
    byte[] value = new byte[1001];
    Arrays.fill(value, (byte) '{');
    RawSizeLimit.TooLarge refused =
        assertThrows(RawSizeLimit.TooLarge.class, () -> limit.check(value));
    String reason = refused.getMessage();
    assertTrue(reason.contains("1001 bytes"), reason);
    assertTrue(reason.contains("limit of 1000 bytes"), reason);
    assertTrue(reason.contains("raise newswire.cleaner.max-raw-bytes"), reason);
  }

  @Test
  void theDeadLetterOfAHugeValueKeepsOnlyItsStartAndItsSize() {
    byte[] huge = new byte[3 * DeadLetters.MAX_VALUE_BYTES];
    var record = new ConsumerRecord<>(Topics.RAW, 1, 42L, "doc-id", huge);
    RawSizeLimit.TooLarge refused =
        assertThrows(RawSizeLimit.TooLarge.class, () -> limit.check(huge));

    ProducerRecord<String, byte[]> letter =
        DeadLetters.of(record, "cleaner", refused.getMessage(), refused);

    assertEquals(Topics.dlq(Topics.RAW), letter.topic());
    assertEquals("doc-id", letter.key());
    assertEquals(DeadLetters.MAX_VALUE_BYTES, letter.value().length);
    assertEquals(
        Integer.toString(huge.length), DeadLetters.header(letter.headers(), DeadLetters.TRUNCATED));
    assertEquals(refused.getMessage(), DeadLetters.header(letter.headers(), DeadLetters.REASON));
    assertEquals(
        RawSizeLimit.TooLarge.class.getName(),
        DeadLetters.header(letter.headers(), DeadLetters.EXCEPTION));
  }

  @Test
  void aLimitBelowOneIsAConfigurationError() {
    var e = assertThrows(IllegalArgumentException.class, () -> new RawSizeLimit(0));
    assertTrue(e.getMessage().contains("newswire.cleaner.max-raw-bytes"), e.getMessage());
  }
}
