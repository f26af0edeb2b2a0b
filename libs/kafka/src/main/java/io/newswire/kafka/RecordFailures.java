package io.newswire.kafka;

/**
 * What a record's own failure is called in its dead letter. A stage dead-letters a record when
 * handling it throws an exception or a {@code StackOverflowError}: a pathologically nested input (a
 * page, a feed, a query) overflows the stack again on every retry, so restarting the loop would
 * never get past it. Any other {@link Error} is the JVM's or the build's (out of memory, a missing
 * class), not the record's: it is left to {@link LoopSupervisor}, since dead-lettering good records
 * for it would empty the stream into the DLQ.
 */
public final class RecordFailures {
  private RecordFailures() {}

  /** The reason for a dead letter, from what handling the record threw. */
  public static String reason(Throwable failure) {
    if (failure instanceof StackOverflowError) {
      return "StackOverflowError: handling the record recursed deeper than the thread's stack allows"
          + " (a pathologically nested input)";
    }
    return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
  }
}
