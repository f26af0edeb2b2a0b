package io.newswire.console.deadletters;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cleaner's {@code ReplayView} (DeadLettersResource in services/cleaner): of the {@code found}
 * letters of {@code topic}, {@code replayed} went back ({@code sentTo}: how many to each topic),
 * the others are under {@code notReplayed} by reason.
 */
public record Replayed(
    String topic,
    String key,
    int found,
    int replayed,
    Map<String, Integer> sentTo,
    List<NotReplayed> notReplayed) {
  /** Letters kept back for one reason: how many, and the first of their keys. */
  public record NotReplayed(String reason, int count, List<String> keys) {}

  /** Keys named in the notice per reason; the cleaner sends a few more. */
  static final int KEYS_SHOWN = 5;

  public Replayed {
    sentTo = sentTo == null ? Map.of() : sentTo;
    notReplayed = notReplayed == null ? List.of() : notReplayed;
  }

  /**
   * "Replayed 2 of 5 dead letter(s) from a.dlq to a. Not replayed: 1 cut to 256 kB when
   * dead-lettered (k)."
   */
  public String sentence() {
    if (found == 0) {
      return "Nothing to replay in " + topic + (key == null ? "" : " for key " + key) + ".";
    }
    String to =
        sentTo.size() == 1
            ? " to " + sentTo.keySet().iterator().next()
            : sentTo.isEmpty()
                ? ""
                : " to "
                    + sentTo.entrySet().stream()
                        .map(e -> e.getKey() + " (" + e.getValue() + ")")
                        .collect(Collectors.joining(", "));
    String sentence =
        "Replayed " + replayed + " of " + found + " dead letter(s) from " + topic + to + ".";
    if (notReplayed.isEmpty()) {
      return sentence;
    }
    return sentence
        + " Not replayed: "
        + notReplayed.stream().map(Replayed::why).collect(Collectors.joining("; "))
        + ".";
  }

  private static String why(NotReplayed n) {
    List<String> keys = n.keys() == null ? List.of() : n.keys();
    String named = keys.stream().limit(KEYS_SHOWN).collect(Collectors.joining(", "));
    return n.count()
        + " "
        + n.reason()
        + (named.isEmpty() ? "" : " (" + named + (keys.size() > KEYS_SHOWN ? ", …" : "") + ")");
  }
}
