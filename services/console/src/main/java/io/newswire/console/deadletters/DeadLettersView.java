package io.newswire.console.deadletters;

import java.util.List;

/**
 * What the dead-letters page shows: every DLQ topic the cleaner lists; {@code notice}, what the
 * last replay did; {@code error}, why the cleaner could not list or replay (each empty when there
 * is none).
 */
public record DeadLettersView(List<DeadLetterTopic> topics, String notice, String error) {
  /** Whether any topic holds a letter. */
  public boolean any() {
    return topics.stream().anyMatch(t -> t.count() > 0);
  }
}
