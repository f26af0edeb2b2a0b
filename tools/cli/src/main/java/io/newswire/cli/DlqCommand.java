package io.newswire.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.kafka.DeadLetterArchive;
import io.newswire.kafka.DeadLetterArchive.Letter;
import io.newswire.kafka.DeadLetterArchive.Replay;
import io.newswire.kafka.DeadLetterArchive.Shelf;
import io.newswire.kafka.KafkaConnection;
import io.newswire.model.Json;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code ./newswire dlq}: what the stages could not handle, with their reasons, read from every
 * {@code *.dlq} topic; and {@code ./newswire dlq replay}, which sends the dead letters of one DLQ
 * back to the topic they came from once their cause is fixed. What is read, how it is counted and
 * what a replay sends are {@link DeadLetterArchive}'s, which the cleaner serves over HTTP too; this
 * prints it.
 */
public final class DlqCommand {
  private final DeadLetterArchive archive;
  private final PrintStream out;

  public DlqCommand(String bootstrapServers, PrintStream out) {
    this(KafkaConnection.plaintext(bootstrapServers), out);
  }

  /**
   * @param kafka the broker and, for a secured cluster, how to authenticate ({@code
   *     NEWSWIRE_KAFKA_CONFIG})
   */
  public DlqCommand(KafkaConnection kafka, PrintStream out) {
    this.archive = new DeadLetterArchive(kafka);
    this.out = out;
  }

  /**
   * Prints, per DLQ topic, how many letters it holds and why, then the last {@code last} letters.
   *
   * @param topic one DLQ topic, or null for all of them
   */
  public void list(String topic, int last, boolean json) throws Exception {
    List<Shelf> shelves = archive.list(topic);
    List<Letter> letters = shelves.stream().flatMap(s -> s.letters().stream()).toList();
    if (json) {
      ArrayNode array = Json.mapper().createArrayNode();
      letters.forEach(l -> array.add(toJson(l)));
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
      return;
    }
    for (Shelf shelf : shelves) {
      out.println(shelf.topic() + ": " + shelf.letters().size() + " dead letter(s)");
      shelf
          .groups()
          .forEach(g -> out.println("  " + g.count() + " × " + g.stage() + ": " + g.reason()));
    }
    List<Letter> recent =
        letters.stream()
            .sorted((a, b) -> a.at().compareTo(b.at()))
            .skip(Math.max(0, letters.size() - last))
            .toList();
    if (!recent.isEmpty()) {
      out.println();
      out.println(
          "The last " + recent.size() + " (./newswire dlq --json for all, with every header):");
    }
    for (Letter l : recent) {
      out.println();
      out.println(
          "  " + l.at() + "  " + l.topic() + "  from " + l.origin() + "  by the " + l.stage());
      out.println(
          "  key "
              + l.key()
              + ", "
              + l.valueBytes()
              + " bytes"
              + (l.truncated() ? " (cut from " + l.truncatedFrom() + ")" : ""));
      out.println("  " + l.reason());
    }
  }

  /**
   * Sends the letters of {@code topic} (only those of {@code key} when given) back to their origin.
   *
   * @return how many were sent
   */
  public int replay(String topic, String key) throws Exception {
    Replay replay = archive.replay(topic, key);
    if (!replay.neverRecords().isEmpty()) {
      out.println(
          replay.neverRecords().size()
              + " not replayed: "
              + DeadLetterArchive.NEVER_RECORDS.formatted(DeadLetterArchive.originOf(topic)));
    }
    for (Letter l : replay.cut()) {
      out.println(
          "not replayed: "
              + l.key()
              + " was cut from "
              + l.truncatedFrom()
              + " when it was dead-lettered");
    }
    if (replay.nothingFound()) {
      out.println("nothing to replay in " + topic + (key != null ? " for key " + key : ""));
    }
    replay
        .sent()
        .forEach(
            (origin, n) ->
                out.println("replayed " + n + " dead letter(s) from " + topic + " to " + origin));
    if (!replay.cut().isEmpty()) {
      out.println(replay.cut().size() + " not replayed (" + DeadLetterArchive.CUT + ")");
    }
    return replay.replayed();
  }

  private static ObjectNode toJson(Letter l) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("topic", l.topic())
        .put("partition", l.partition())
        .put("offset", l.offset())
        .put("at", l.at().toString())
        .put("key", l.key())
        .put("stage", l.stage())
        .put("reason", l.reason())
        .put("origin", l.origin())
        .put("originTopic", l.originTopic())
        .put("valueBytes", l.valueBytes())
        .put("exception", l.exception())
        .put("truncatedFrom", l.truncatedFrom());
    return node;
  }

  /**
   * {@link DeadLetterArchive#gist}, the rule by which the listing counts alike reasons together.
   */
  static String gist(String reason) {
    return DeadLetterArchive.gist(reason);
  }
}
