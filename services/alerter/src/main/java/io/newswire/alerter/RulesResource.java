package io.newswire.alerter;

import io.newswire.alerter.rules.InvalidRuleException;
import io.newswire.alerter.rules.RuleQueryParser;
import io.newswire.common.KafkaClients;
import io.newswire.model.Json;
import io.newswire.model.Rule;
import io.newswire.model.SchemaVersions;
import io.newswire.model.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
 * alerter instance follows, so a rule is live everywhere within a second.
 */
@Path("/rules")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {
  /** Body of {@code POST /rules}; {@code id} is optional (generated when missing). */
  public record NewRule(String id, String name, String query, String webhook) {}

  private final AlerterService service;
  private final RuleQueryParser parser = new RuleQueryParser(RuleQueryParser.analyzer());
  private final KafkaProducer<String, byte[]> producer;

  public RulesResource(AlerterService service, KafkaClients clients) {
    this.service = service;
    this.producer = new KafkaProducer<>(clients.producer("alerter-rules"));
  }

  @GET
  public List<Rule> list() {
    return service.rules().rules().stream().sorted(Comparator.comparing(Rule::name)).toList();
  }

  @POST
  public Response add(NewRule body) throws Exception {
    if (body == null || body.query() == null || body.query().isBlank()) {
      return error(400, "A rule needs a query, e.g. {\"name\":\"NATO\",\"query\":\"NATO\"}");
    }
    try {
      parser.parse(body.query());
    } catch (InvalidRuleException e) {
      return error(400, e.getMessage());
    }
    String id = body.id() == null || body.id().isBlank() ? UUID.randomUUID().toString() : body.id();
    String name = body.name() == null || body.name().isBlank() ? body.query() : body.name();
    Rule rule = new Rule(SchemaVersions.RULE, id, name, body.query(), body.webhook(), Instant.now());
    producer.send(new ProducerRecord<>(Topics.RULES, id, Json.write(rule))).get(30, TimeUnit.SECONDS);
    return Response.status(201).entity(rule).build();
  }

  @DELETE
  @Path("/{id}")
  public Response remove(@PathParam("id") String id) throws Exception {
    if (service.rules().rule(id) == null) {
      return error(404, "No rule with id " + id + "; see GET /rules");
    }
    producer.send(new ProducerRecord<>(Topics.RULES, id, null)).get(30, TimeUnit.SECONDS);
    return Response.noContent().build();
  }

  static Response error(int status, String message) {
    return Response.status(status).entity(Map.of("error", message)).type(MediaType.APPLICATION_JSON).build();
  }

  @PreDestroy
  void close() {
    producer.close();
  }
}
