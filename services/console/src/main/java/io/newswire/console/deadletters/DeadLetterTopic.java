package io.newswire.console.deadletters;

import java.util.List;

/**
 * The cleaner's {@code TopicView} (DeadLettersResource in services/cleaner): one DLQ topic, how
 * many letters it holds, counted by stage and gist of the reason as {@code ./newswire dlq} counts
 * them, and its newest letters, newest first.
 */
public record DeadLetterTopic(
    String topic, String originTopic, int count, List<Group> groups, List<Letter> recent) {
  public record Group(String stage, String reason, int count) {}

  /**
   * One letter, without its value: {@code bytes} kept of it, and when {@code truncated} its size
   * before it was cut ({@code truncatedFrom}, "2097152 bytes"); {@code origin} is {@code
   * topic-partition@offset}, or the topic alone for input that never became a record there.
   */
  public record Letter(
      String at,
      String origin,
      String key,
      String stage,
      String reason,
      String exception,
      int bytes,
      boolean truncated,
      String truncatedFrom) {}

  public DeadLetterTopic {
    groups = groups == null ? List.of() : groups;
    recent = recent == null ? List.of() : recent;
  }

  /** The newest letters as the page lists them. */
  public List<LetterRow> rows() {
    return recent.stream().map(LetterRow::of).toList();
  }
}
