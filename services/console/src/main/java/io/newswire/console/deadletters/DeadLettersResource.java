package io.newswire.console.deadletters;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.console.CleanerClient;
import io.newswire.console.Notice;
import io.newswire.console.Pages;
import io.newswire.console.Reply;
import io.newswire.console.signin.KeyCookie;
import io.newswire.console.signin.SignInRequired;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;

/**
 * {@code /dead-letters}: what every stage dead-lettered, per DLQ topic, counted by stage and reason
 * as {@code ./newswire dlq} counts them, with each topic's newest letters under it, and a replay
 * button per topic that sends its letters back to the topic they came from. A replay is answered
 * 303 back to the page (post-redirect-get) with a {@link Notice} of what went back and why the rest
 * did not; one the cleaner refuses (an admin's to do) shows the page again with the cleaner's
 * reason.
 */
@Path("/dead-letters")
@Produces(MediaType.TEXT_HTML)
public class DeadLettersResource {
  static final String PAGE = "/dead-letters";

  /** The newest letters shown under each topic. */
  static final int RECENT = 10;

  private static final TypeReference<List<DeadLetterTopic>> TOPICS = new TypeReference<>() {};

  private final CleanerClient cleaner;
  private final ObjectMapper json;

  public DeadLettersResource(CleanerClient cleaner, ObjectMapper json) {
    this.cleaner = cleaner;
    this.json = json;
  }

  @GET
  public Response list(
      @CookieParam(KeyCookie.NAME) String key, @CookieParam(Notice.NAME) String notice) {
    Response page = page(key, 200, Notice.read(notice), "");
    return notice == null ? page : Response.fromResponse(page).cookie(Notice.cleared(PAGE)).build();
  }

  @POST
  @Path("/replay")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response replay(
      @CookieParam(KeyCookie.NAME) String key, @FormParam("topic") String topic) {
    if (topic == null || topic.isBlank()) {
      return page(key, 400, "", "Choose the DLQ topic whose letters to replay.");
    }
    Reply reply;
    try {
      reply = cleaner.replay(key, topic.strip());
    } catch (IOException e) {
      return page(key, 503, "", e.getMessage());
    }
    if (reply.status() == 401) {
      return SignInRequired.toSignin(PAGE);
    }
    if (!reply.ok()) {
      // 403: the cleaner names the admin role the key lacks; 400, 404: no such DLQ topic
      int status =
          reply.status() == 403 || reply.status() == 400 || reply.status() == 404
              ? reply.status()
              : 502;
      return page(key, status, "", "Cannot replay " + topic.strip() + ": " + reply.error());
    }
    String told;
    try {
      told = json.convertValue(reply.body(), Replayed.class).sentence();
    } catch (IllegalArgumentException e) {
      told =
          "The cleaner replayed "
              + topic.strip()
              + " but its answer does not say what went back ("
              + e.getMessage()
              + "): are the console and the cleaner the same version?";
    }
    return Response.status(303)
        .header(HttpHeaders.LOCATION, PAGE)
        .cookie(Notice.of(PAGE, told))
        .build();
  }

  /**
   * Where signing in comes back to after a replay posted signed out: the page, from which to post
   * it again.
   */
  @GET
  @Path("/replay")
  public Response afterSignin() {
    return Response.status(303).header(HttpHeaders.LOCATION, PAGE).build();
  }

  /**
   * The page as the cleaner lists the letters now, with {@code notice} and {@code error} above
   * them.
   */
  private Response page(String key, int status, String notice, String error) {
    Reply reply;
    try {
      reply = cleaner.deadLetters(key, RECENT);
    } catch (IOException e) {
      return show(status == 200 ? 503 : status, List.of(), notice, join(error, e.getMessage()));
    }
    if (reply.refused()) {
      return SignInRequired.toSignin(PAGE);
    }
    if (!reply.ok()) {
      return show(
          status == 200 ? 502 : status,
          List.of(),
          notice,
          join(error, "The cleaner cannot list the dead letters now: " + reply.error()));
    }
    JsonNode topics = reply.body().get("topics");
    try {
      if (topics == null || !topics.isArray()) {
        throw new IllegalArgumentException("no list of topics");
      }
      return show(status, json.convertValue(topics, TOPICS), notice, error);
    } catch (IllegalArgumentException e) {
      return show(
          502,
          List.of(),
          notice,
          join(
              error,
              "The cleaner's answer is not its dead letters ("
                  + e.getMessage()
                  + "): are the console and the cleaner the same version, and newswire.console.cleaner-url the cleaner?"));
    }
  }

  private static Response show(
      int status, List<DeadLetterTopic> topics, String notice, String error) {
    return Response.status(status)
        .entity(Pages.deadLetters(new DeadLettersView(topics, notice, error)))
        .build();
  }

  private static String join(String first, String second) {
    return first.isEmpty() ? second : first + " " + second;
  }
}
