package io.newswire.alerter;

import io.newswire.alerter.match.AlertLedger;
import io.newswire.alerter.match.AlertMatcher;
import io.newswire.alerter.match.RuleBook;
import io.newswire.alerter.webhook.WebhookDelivery;
import io.newswire.alerter.webhook.WebhookDispatcher;
import io.newswire.alerter.webhook.WebhookTargets;
import io.newswire.common.LoopHealth;
import io.newswire.kafka.KafkaClients;
import io.newswire.kafka.PipeRunner;
import io.newswire.kafka.TopicFollower;
import io.newswire.kafka.TransactionalPipe;
import io.newswire.model.Alert;
import io.newswire.model.CleanArticle;
import io.newswire.model.Json;
import io.newswire.model.Rule;
import io.newswire.model.Topics;
import io.newswire.net.AddressGuard;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Quarkus shell of the alerter: follows the rules and alerts topics, then matches every clean
 * article against the rules, publishing new alerts transactionally with the input offsets.
 */
// its own readiness check; @Readiness is a qualifier, so @Default keeps it injectable as it is
@Readiness
@Default
@ApplicationScoped
public class AlerterService implements HealthCheck {
  private static final Logger LOG = Logger.getLogger(AlerterService.class);

  private final KafkaClients clients;
  private final AlerterConfig config;
  private final String instanceId;
  private final RuleBook rules = new RuleBook();
  private final AlertLedger ledger;
  private TopicFollower rulesFollower;
  private TopicFollower alertsFollower;
  private PipeRunner runner;
  private WebhookDispatcher webhooks;
  private Thread webhookThread;
  private Thread starter;

  public AlerterService(
      KafkaClients clients,
      AlerterConfig config,
      @ConfigProperty(name = "newswire.instance-id", defaultValue = "local") String instanceId) {
    this.clients = clients;
    this.config = config;
    this.instanceId = instanceId;
    this.ledger = new AlertLedger(config.recentAlerts(), config.ledgerCapacity());
  }

  public RuleBook rules() {
    return rules;
  }

  public AlertLedger ledger() {
    return ledger;
  }

  void onStart(@Observes StartupEvent event) {
    rulesFollower = new TopicFollower(clients, Topics.RULES, this::applyRules).start();
    alertsFollower =
        TopicFollower.perRecord(
                clients, Topics.ALERTS, r -> ledger.record(Json.read(r.value(), Alert.class)))
            .start();
    if (!config.enabled()) {
      return;
    }
    // matching before the rules are loaded would miss alerts, and before the ledger is would repeat
    // them
    starter = new Thread(this::startMatching, "alerter-start");
    starter.setDaemon(true);
    starter.start();
  }

  private void startMatching() {
    try {
      while (!rulesFollower.awaitCaughtUp(10, TimeUnit.SECONDS)
          || !alertsFollower.awaitCaughtUp(10, TimeUnit.SECONDS)) {
        LOG.info("Waiting to read the rules and the published alerts from Kafka");
      }
    } catch (InterruptedException e) {
      return;
    }
    LOG.infof("Loaded %d rule(s); matching articles", rules.size());
    // after the rules are loaded, so every alert finds its rule's webhook
    webhooks =
        new WebhookDispatcher(
            clients,
            rules,
            new WebhookDelivery(
                webhookTargets(config),
                config.webhookAttempts(),
                config.webhookBackoff(),
                config.webhookTimeout()),
            config.webhookGroupId());
    webhookThread = new Thread(webhooks, "webhook-dispatch");
    webhookThread.start();

    AlertMatcher matcher = new AlertMatcher(rules, ledger);
    TransactionalPipe pipe =
        new TransactionalPipe(
            clients,
            "alerter",
            Topics.CLEAN,
            config.groupId(),
            config.transactionalIdPrefix() + "-" + instanceId,
            config.maxPollRecords(),
            new MatchStep(matcher));
    runner = new PipeRunner(pipe, "alerter-pipe").start();
  }

  /** Applies a polled batch of rule changes: the last change of each rule wins, added in one go. */
  private void applyRules(List<ConsumerRecord<String, byte[]>> records) {
    Map<String, Rule> latest = new LinkedHashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      if (record.value() == null) {
        latest.put(record.key(), null);
        continue;
      }
      try {
        Rule rule = Json.read(record.value(), Rule.class);
        latest.put(rule.id(), rule);
      } catch (RuntimeException e) {
        LOG.warnf(
            "Skipped rule record %s@%d (key %s): %s",
            Topics.RULES, record.offset(), record.key(), e.getMessage());
      }
    }
    List<Rule> puts = new ArrayList<>();
    latest.forEach(
        (id, rule) -> {
          if (rule == null) {
            rules.remove(id);
            LOG.infof("Rule %s removed", id);
          } else {
            puts.add(rule);
          }
        });
    rules
        .putAll(puts)
        .forEach(
            (rule, reason) ->
                LOG.warnf(
                    "Rule %s (%s) cannot be matched and is ignored: %s",
                    rule.id(), rule.name(), reason));
    if (puts.size() <= 10) {
      puts.forEach(
          rule -> LOG.infof("Rule %s (%s) active: %s", rule.id(), rule.name(), rule.query()));
    } else {
      LOG.infof("%d rules loaded (%d in all)", puts.size(), rules.size());
    }
  }

  /**
   * One article in, its new alerts and copy records out; their keys are marked published once their
   * transaction commits.
   */
  private final class MatchStep implements TransactionalPipe.Step {
    private final AlertMatcher matcher;
    private final List<String> pending = new ArrayList<>();

    MatchStep(AlertMatcher matcher) {
      this.matcher = matcher;
    }

    @Override
    public List<ProducerRecord<String, byte[]>> apply(ConsumerRecord<String, byte[]> record) {
      CleanArticle article = Json.read(record.value(), CleanArticle.class);
      List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
      for (Alert alert : matcher.alerts(article, pending)) {
        pending.addAll(AlertLedger.keysOf(alert));
        if (alert.copyOf() != null) {
          LOG.infof(
              "ALSO rule '%s': '%s' also in %s (%s)",
              alert.ruleName(), alert.title(), alert.source(), alert.url());
        } else {
          LOG.infof(
              "ALERT rule '%s' matched '%s' (%s): %s",
              alert.ruleName(), alert.title(), alert.url(), alert.matchedTerms());
        }
        out.add(new ProducerRecord<>(Topics.ALERTS, alert.alertId(), Json.write(alert)));
      }
      return out;
    }

    @Override
    public void committed() {
      ledger.markPublished(pending);
      pending.clear();
    }

    @Override
    public void aborted() {
      pending.clear();
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    if (webhooks != null) {
      webhooks.close();
    }
    if (runner != null) {
      runner.close();
    }
    if (rulesFollower != null) {
      rulesFollower.close();
    }
    if (alertsFollower != null) {
      alertsFollower.close();
    }
  }

  /** Its readiness ({@code /q/health/ready}): {@link #health}. */
  @Override
  public HealthCheckResponse call() {
    return health();
  }

  /**
   * Readiness as reported by {@code /q/health/ready}, with the loops' restarts and last failures.
   */
  public HealthCheckResponse health() {
    boolean up = runner != null && runner.pipe().ready();
    HealthCheckResponseBuilder health =
        HealthCheckResponse.named("alerter-pipe")
            .status(up)
            .withData("rules", rules.size())
            .withData("articles", runner == null ? 0 : runner.pipe().processed())
            .withData("ledger", ledger.size());
    if (runner != null) {
      LoopHealth.describe(health, "", runner.pipe().status());
    }
    if (webhooks != null) {
      LoopHealth.describe(health, "webhooks.", webhooks.status());
    }
    return health.build();
  }

  /** Where webhooks may go: the fetcher's address guard with the alerter's own allow-list. */
  public static WebhookTargets webhookTargets(AlerterConfig config) {
    return new WebhookTargets(
        new AddressGuard(
            config.webhookPrivateAddresses(),
            config.webhookAllowPrivate().orElse(java.util.List.of()),
            "newswire.alerter.webhook-allow-private"));
  }
}
