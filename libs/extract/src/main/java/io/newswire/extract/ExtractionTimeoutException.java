package io.newswire.extract;

import java.time.Duration;

/** Extraction gave up on a page because it took longer than its {@link Deadline} allowed. */
public final class ExtractionTimeoutException extends ExtractionException {

  private final Duration budget;

  public ExtractionTimeoutException(Duration budget) {
    super("extraction took longer than its time budget of " + budget.toMillis() + " ms");
    this.budget = budget;
  }

  public Duration budget() {
    return budget;
  }
}
