package io.newswire.extract;

import java.time.Duration;

/**
 * The time one extraction may take. The steps of an extraction call {@link #tick()} in their loops
 * and {@link #check()} between phases; past the end either throws {@link
 * ExtractionTimeoutException}, so a crafted page costs at most its budget instead of holding up a
 * whole partition (issue 11). Not thread-safe: one deadline per extraction.
 */
public final class Deadline {

  /** No limit: {@link #tick()} and {@link #check()} never throw. */
  public static final Deadline NONE = new Deadline(null);

  /**
   * Ticks between two reads of the clock; a tick is one node, block or line, a few microseconds at
   * most.
   */
  private static final int TICKS_PER_CHECK = 256;

  private final Duration budget;
  private final long end;
  private int ticks;

  private Deadline(Duration budget) {
    this.budget = budget;
    this.end = budget == null ? 0 : System.nanoTime() + budget.toNanos();
  }

  /** A deadline {@code budget} from now; null, zero or negative means none. */
  public static Deadline after(Duration budget) {
    return budget == null || budget.isZero() || budget.isNegative() ? NONE : new Deadline(budget);
  }

  /** Counts one unit of work and looks at the clock every {@value #TICKS_PER_CHECK} of them. */
  public void tick() {
    if (budget != null && ++ticks >= TICKS_PER_CHECK) {
      ticks = 0;
      check();
    }
  }

  /**
   * @throws ExtractionTimeoutException when the budget is spent
   */
  public void check() {
    if (budget != null && System.nanoTime() - end > 0) {
      throw new ExtractionTimeoutException(budget);
    }
  }
}
