package io.newswire.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: what becomes of a record whose step throws an Error, without a broker (nothing is
 * connected before run).
 */
class TransactionalPipeStepTest {

  /** A step that parses nested brackets by recursion, as a naive parser of a crafted page would. */
  private static final TransactionalPipe.Step NESTING_PARSER =
      record -> {
        String value = new String(record.value(), StandardCharsets.UTF_8);
        int depth = depth(value, 0);
        byte[] out = Integer.toString(depth).getBytes(StandardCharsets.UTF_8);
        return List.of(new ProducerRecord<>("newswire.clean", record.key(), out));
      };

  @Test
  void aRecordThatOverflowsTheStackEveryTimeIsDeadLetteredAndTheNextOneHandled() {
    TransactionalPipe pipe = pipe(NESTING_PARSER);
    ConsumerRecord<String, byte[]> deep =
        record("deep", 7, "[".repeat(1_000_000) + "]".repeat(1_000_000));
    ConsumerRecord<String, byte[]> shallow = record("shallow", 8, "[[[]]]");

    for (int replay = 0;
        replay < 2;
        replay++) { // read again after a restart: dead-lettered again, not thrown
      List<ProducerRecord<String, byte[]>> out = pipe.outputsOf(deep);
      assertEquals(1, out.size());
      ProducerRecord<String, byte[]> letter = out.get(0);
      assertEquals("newswire.raw.dlq", letter.topic());
      assertEquals("deep", letter.key());
      String reason = DeadLetters.header(letter.headers(), DeadLetters.REASON);
      assertTrue(
          reason.startsWith(
              "StackOverflowError: handling the record recursed deeper than the thread's stack"),
          reason);
      assertEquals(
          "java.lang.StackOverflowError",
          DeadLetters.header(letter.headers(), DeadLetters.EXCEPTION));
      assertEquals("7", DeadLetters.header(letter.headers(), DeadLetters.ORIGIN_OFFSET));
    }
    assertEquals(2, pipe.deadLettered());

    List<ProducerRecord<String, byte[]>> out = pipe.outputsOf(shallow);
    assertEquals("newswire.clean", out.get(0).topic());
    assertEquals("3", new String(out.get(0).value(), StandardCharsets.UTF_8));
  }

  @Test
  void outOfMemoryAndOtherErrorsAreNotTheRecordsFaultAndEndTheAttempt() {
    TransactionalPipe oom =
        pipe(
            record -> {
              throw new OutOfMemoryError("Java heap space");
            });
    assertThrows(OutOfMemoryError.class, () -> oom.outputsOf(record("x", 1, "x")));
    assertEquals(0, oom.deadLettered());

    TransactionalPipe missingClass =
        pipe(
            record -> {
              throw new NoClassDefFoundError("io/newswire/extract/Missing");
            });
    assertThrows(NoClassDefFoundError.class, () -> missingClass.outputsOf(record("x", 1, "x")));
    assertEquals(
        0, missingClass.deadLettered(), "a broken build must not empty the stream into the DLQ");
  }

  private static TransactionalPipe pipe(TransactionalPipe.Step step) {
    return new TransactionalPipe(null, "cleaner", "newswire.raw", "group", "tx", 10, step);
  }

  private static ConsumerRecord<String, byte[]> record(String key, long offset, String value) {
    return new ConsumerRecord<>(
        "newswire.raw", 0, offset, key, value.getBytes(StandardCharsets.UTF_8));
  }

  private static int depth(String text, int at) {
    return at < text.length() && text.charAt(at) == '[' ? 1 + depth(text, at + 1) : 0;
  }
}
