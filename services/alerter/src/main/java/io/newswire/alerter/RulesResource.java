package io.newswire.alerter;

import io.newswire.alerter.match.AlertLedger;
import io.newswire.alerter.rules.InvalidRuleException;
import io.newswire.alerter.rules.RuleQueryParser;
import io.newswire.alerter.webhook.WebhookSignature;
import io.newswire.alerter.webhook.WebhookTargets;
import io.newswire.common.security.Access;
import io.newswire.kafka.KafkaClients;
import io.newswire.model.ApiKeyFile.Role;
import io.newswire.model.Json;
import io.newswire.model.NameVariants;
import io.newswire.model.Rule;
import io.newswire.model.SchemaVersions;
import io.newswire.model.Topics;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code /rules}: standing alert rules. Changes go to the compacted rules topic, which every
 * alerter instance follows, so a rule is live everywhere within a second. Listing needs {@code
 * reader}; adding, changing and removing need {@code editor}, and a rule with a webhook (which
 * sends matched articles somewhere else) needs {@code admin}. {@code POST} only creates: an
 * existing id is changed with {@code PUT /rules/{id}}, so no one takes a rule over by reusing its
 * id.
 */
@Path("/rules")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {
  /**
   * Body of {@code POST /rules}; {@code id} is optional (generated when missing), {@code exact:
   * true} matches names only as written (by default they match their other spellings too). In
   * {@code PUT /rules/{id}}, {@code keepWebhook: true} with no {@code webhook} keeps the rule's
   * webhook and secret as they are (a screen that shows them redacted can still change the query);
   * without it, no webhook removes the rule's.
   */
  public record NewRule(
      String id, String name, String query, String webhook, Boolean exact, Boolean keepWebhook) {
    public NewRule(String id, String name, String query, String webhook, Boolean exact) {
      this(id, name, query, webhook, exact, null);
    }
  }

  /**
   * A rule as the API shows it: the webhook redacted to its scheme and host, its signing secret
   * only in the answer to the call that created it (null everywhere else), and what it runs: the
   * query with its names widened ({@code matches}) and each widened name with the key its spellings
   * share.
   */
  public record RuleView(
      String id,
      String name,
      String query,
      boolean exact,
      String matches,
      List<NameVariants.Expansion> variants,
      String webhook,
      boolean signed,
      String webhookSecret,
      Instant createdAt,
      long alerts,
      long copies,
      Instant lastAlert) {
    static RuleView of(Rule rule, boolean withSecret, AlertLedger.Tally tally) {
      NameVariants.Expanded expanded =
          rule.exact()
              ? new NameVariants.Expanded(rule.query(), List.of())
              : NameVariants.expand(rule.query());
      return new RuleView(
          rule.id(),
          rule.name(),
          rule.query(),
          rule.exact(),
          expanded.query(),
          expanded.expansions(),
          WebhookTargets.redact(rule.webhook()),
          rule.webhookSecret() != null,
          withSecret ? rule.webhookSecret() : null,
          rule.createdAt(),
          tally.alerts(),
          tally.copies(),
          tally.last());
    }
  }

  private final AlerterService service;
  private final RuleQueryParser parser = new RuleQueryParser(RuleQueryParser.analyzer());
  private final KafkaProducer<String, byte[]> producer;
  private final SecurityIdentity identity;
  private final WebhookTargets webhooks;

  public RulesResource(
      AlerterService service,
      KafkaClients clients,
      SecurityIdentity identity,
      AlerterConfig config) {
    this.service = service;
    this.identity = identity;
    this.webhooks = AlerterService.webhookTargets(config);
    this.producer = new KafkaProducer<>(clients.producer("alerter-rules"));
  }

  @GET
  @RolesAllowed(Access.READER)
  public List<RuleView> list() {
    return service.rules().rules().stream()
        .sorted(Comparator.comparing(Rule::name))
        .map(r -> RuleView.of(r, false, service.ledger().tally(r.id())))
        .toList();
  }

  @POST
  @RolesAllowed(Access.EDITOR)
  public Response add(NewRule body) throws Exception {
    String id =
        body == null || body.id() == null || body.id().isBlank()
            ? UUID.randomUUID().toString()
            : body.id();
    if (service.rules().rule(id) != null) {
      return error(
          409,
          "A rule with id "
              + id
              + " exists; change it with PUT /rules/"
              + id
              + ", or leave out the id to create a new rule");
    }
    return save(id, body, null, 201);
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed(Access.EDITOR)
  public Response update(@PathParam("id") String id, NewRule body) throws Exception {
    Rule existing = service.rules().rule(id);
    if (existing == null) {
      return error(404, "No rule with id " + id + "; create it with POST /rules");
    }
    if (body != null && body.id() != null && !body.id().isBlank() && !body.id().equals(id)) {
      return error(400, "The body's id " + body.id() + " differs from the path's " + id);
    }
    if (existing.hasWebhook()) {
      Access.require(identity, Role.ADMIN, "Changing a rule that has a webhook");
    }
    return save(id, body, existing, 200);
  }

  private Response save(String id, NewRule body, Rule existing, int status) throws Exception {
    if (body == null || body.query() == null || body.query().isBlank()) {
      return error(400, "A rule needs a query, e.g. {\"name\":\"NATO\",\"query\":\"NATO\"}");
    }
    String webhook =
        body.webhook() == null || body.webhook().isBlank() ? null : body.webhook().strip();
    String secret = null;
    boolean keep =
        webhook == null
            && existing != null
            && existing.hasWebhook()
            && Boolean.TRUE.equals(body.keepWebhook());
    if (keep) {
      webhook = existing.webhook();
      secret = existing.webhookSecret();
    } else if (webhook != null) {
      Access.require(identity, Role.ADMIN, "A rule with a webhook");
      try {
        webhooks.check(webhook);
      } catch (IllegalArgumentException e) {
        return error(400, e.getMessage());
      }
      // a changed rule keeps its secret, so its receiver need not be told a new one
      secret =
          existing != null && existing.webhookSecret() != null
              ? existing.webhookSecret()
              : WebhookSignature.newSecret();
    }
    boolean exact = body.exact() != null ? body.exact() : existing != null && existing.exact();
    try {
      parser.parse(body.query(), !exact);
    } catch (InvalidRuleException e) {
      return error(400, e.getMessage());
    }
    String name =
        body.name() != null && !body.name().isBlank()
            ? body.name()
            : existing != null ? existing.name() : body.query();
    Rule rule =
        new Rule(
            SchemaVersions.RULE, id, name, body.query(), webhook, secret, Instant.now(), exact);
    producer
        .send(new ProducerRecord<>(Topics.RULES, id, Json.write(rule)))
        .get(30, TimeUnit.SECONDS);
    boolean newSecret =
        secret != null && (existing == null || !secret.equals(existing.webhookSecret()));
    return Response.status(status)
        .entity(RuleView.of(rule, newSecret, service.ledger().tally(id)))
        .build();
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed(Access.EDITOR)
  public Response remove(@PathParam("id") String id) throws Exception {
    Rule existing = service.rules().rule(id);
    if (existing == null) {
      return error(404, "No rule with id " + id + "; see GET /rules");
    }
    if (existing.hasWebhook()) {
      Access.require(identity, Role.ADMIN, "Removing a rule that has a webhook");
    }
    producer.send(new ProducerRecord<>(Topics.RULES, id, null)).get(30, TimeUnit.SECONDS);
    return Response.noContent().build();
  }

  static Response error(int status, String message) {
    return Response.status(status)
        .entity(Map.of("error", message))
        .type(MediaType.APPLICATION_JSON)
        .build();
  }

  @PreDestroy
  void close() {
    producer.close();
  }
}
