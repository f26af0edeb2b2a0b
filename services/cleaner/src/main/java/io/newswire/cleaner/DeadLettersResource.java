package io.newswire.cleaner;

import io.newswire.common.security.Access;
import io.newswire.kafka.DeadLetterArchive;
import io.newswire.kafka.DeadLetterArchive.Group;
import io.newswire.kafka.DeadLetterArchive.Letter;
import io.newswire.kafka.DeadLetterArchive.Replay;
import io.newswire.kafka.DeadLetterArchive.Shelf;
import io.newswire.kafka.KafkaClients;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

/**
 * {@code /dead-letters}: what every stage dead-lettered, per {@code *.dlq} topic, counted by stage
 * and reason as {@code ./newswire dlq} counts them ({@link DeadLetterArchive}), with the most
 * recent letters; and {@code POST /dead-letters/replay}, which sends one DLQ's letters back to
 * their topic. Every stage's letters are on the one broker, so one service serves them all, and the
 * console asks only it. Listing needs {@code reader}; replaying, which makes every stage that reads
 * the topic handle the records again, {@code admin}. Each call reads the DLQ topics from their
 * start, as {@code ./newswire dlq} does.
 */
@Path("/dead-letters")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeadLettersResource {
  private static final Logger LOG = Logger.getLogger(DeadLettersResource.class);
  static final int DEFAULT_LAST = 10;
  static final int MAX_LAST = 1000;

  /** Keys named per reason a letter was not replayed; the count says how many there were. */
  static final int KEYS_SHOWN = 20;

  /** {@code GET /dead-letters}: the DLQ topics, by name. */
  public record Listing(List<TopicView> topics) {}

  /**
   * One DLQ topic: how many letters it holds, why, and its {@code last} newest letters, newest
   * first.
   */
  public record TopicView(
      String topic, String originTopic, int count, List<Group> groups, List<LetterView> recent) {}

  /**
   * One letter without its value. {@code origin} is {@code topic-partition@offset}, or only the
   * topic for input refused before it became a record there; {@code bytes} is the size of the value
   * kept, {@code truncatedFrom} its size before it was cut ("2097152 bytes") when {@code
   * truncated}.
   */
  public record LetterView(
      String at,
      String origin,
      String key,
      String stage,
      String reason,
      String exception,
      int bytes,
      boolean truncated,
      String truncatedFrom) {
    static LetterView of(Letter l) {
      return new LetterView(
          l.at().toString(),
          l.origin(),
          l.key(),
          l.stage(),
          l.reason(),
          l.exception(),
          l.valueBytes(),
          l.truncated(),
          l.truncatedFrom());
    }
  }

  /**
   * Body of {@code POST /dead-letters/replay}: a DLQ topic, and a key to replay only its letters.
   */
  public record ReplayRequest(String topic, String key) {}

  /**
   * What a replay did: of the {@code found} letters, {@code replayed} records went back ({@code
   * sentTo}: how many to each topic); the others are under {@code notReplayed}, by reason.
   */
  public record ReplayView(
      String topic,
      String key,
      int found,
      int replayed,
      Map<String, Integer> sentTo,
      List<NotReplayed> notReplayed) {}

  /** Letters kept back for one reason: how many, and the keys of the first {@value #KEYS_SHOWN}. */
  public record NotReplayed(String reason, int count, List<String> keys) {}

  private final KafkaClients clients;
  private final DeadLetterArchive archive;
  private final SecurityIdentity identity;

  public DeadLettersResource(KafkaClients clients, SecurityIdentity identity) {
    this.clients = clients;
    this.archive = new DeadLetterArchive(clients.connection());
    this.identity = identity;
  }

  /**
   * @param topic one DLQ topic, or every one when missing
   * @param last how many of each topic's newest letters to show, {@value #DEFAULT_LAST} when
   *     missing
   */
  @GET
  @RolesAllowed(Access.READER)
  public Response list(@QueryParam("topic") String topic, @QueryParam("last") String last) {
    int newest;
    try {
      newest = last == null || last.isBlank() ? DEFAULT_LAST : Integer.parseInt(last.strip());
    } catch (NumberFormatException e) {
      newest = -1;
    }
    if (newest < 0 || newest > MAX_LAST) {
      return error(
          400,
          "last is how many recent letters to show, 0 to " + MAX_LAST + ", not '" + last + "'");
    }
    int shown = newest;
    String wanted = blankToNull(topic);
    return withKafka(
        () -> {
          Response refused = unknown(wanted);
          if (refused != null) {
            return refused;
          }
          List<TopicView> topics = new ArrayList<>();
          for (Shelf shelf : archive.list(wanted)) {
            topics.add(
                new TopicView(
                    shelf.topic(),
                    shelf.originTopic(),
                    shelf.letters().size(),
                    shelf.groups(),
                    shelf.newest(shown).stream().map(LetterView::of).toList()));
          }
          return Response.ok(new Listing(topics)).build();
        });
  }

  @POST
  @Path("/replay")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Access.ADMIN)
  public Response replay(ReplayRequest body) {
    String topic = body == null ? null : blankToNull(body.topic());
    if (topic == null) {
      return error(
          400,
          "A replay needs the DLQ topic, e.g. {\"topic\":\"newswire.raw.dlq\"} (GET /dead-letters"
              + " lists them), and may name a \"key\" to send back only its letters");
    }
    String key = blankToNull(body.key());
    return withKafka(
        () -> {
          Response refused = unknown(topic);
          if (refused != null) {
            return refused;
          }
          Replay replay = archive.replay(topic, key);
          List<NotReplayed> kept = new ArrayList<>();
          add(
              kept,
              DeadLetterArchive.NEVER_RECORDS.formatted(DeadLetterArchive.originOf(topic)),
              replay.neverRecords());
          add(kept, DeadLetterArchive.CUT, replay.cut());
          add(kept, DeadLetterArchive.SENT_ONCE, replay.sentOnce());
          LOG.infof(
              "%s replayed %d of %d dead letter(s) of %s%s to %s",
              identity.getPrincipal().getName(),
              replay.replayed(),
              replay.found(),
              topic,
              key == null ? "" : " (key " + key + ")",
              replay.sent());
          return Response.ok(
                  new ReplayView(
                      topic, key, replay.found(), replay.replayed(), replay.sent(), kept))
              .build();
        });
  }

  private static void add(List<NotReplayed> kept, String reason, List<Letter> letters) {
    if (!letters.isEmpty()) {
      kept.add(
          new NotReplayed(
              reason,
              letters.size(),
              letters.stream().map(Letter::key).distinct().limit(KEYS_SHOWN).toList()));
    }
  }

  /**
   * 400 for a name that is not a DLQ's, 404 for a DLQ topic there is not; null when {@code topic}
   * is one or null.
   */
  private Response unknown(String topic) throws ExecutionException, InterruptedException {
    if (topic == null) {
      return null;
    }
    try {
      DeadLetterArchive.requireDlq(topic);
    } catch (IllegalArgumentException e) {
      return error(400, e.getMessage());
    }
    // checked first: reading a topic there is not could have the broker create it
    List<String> topics = archive.topics();
    return topics.contains(topic)
        ? null
        : error(
            404,
            "No dead-letter topic " + topic + " (there are: " + String.join(", ", topics) + ")");
  }

  private interface KafkaCall {
    Response call() throws ExecutionException, InterruptedException;
  }

  private Response withKafka(KafkaCall call) {
    try {
      return call.call();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return unavailable(e);
    } catch (ExecutionException e) {
      return unavailable(e.getCause() instanceof Exception cause ? cause : e);
    } catch (KafkaException | IllegalStateException e) {
      return unavailable(e);
    }
  }

  /** 503 naming the broker and its setting. */
  private Response unavailable(Exception e) {
    LOG.warnf(
        "dead letters: Kafka at %s cannot be read or written now: %s",
        clients.bootstrapServers(), e);
    return error(
        503,
        "Kafka at "
            + clients.bootstrapServers()
            + " (kafka.bootstrap.servers) cannot be read or"
            + " written now: "
            + e.getMessage());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static Response error(int status, String message) {
    return Response.status(status)
        .entity(Map.of("error", message))
        .type(MediaType.APPLICATION_JSON)
        .build();
  }
}
