package io.newswire.alerter.webhook;

import io.newswire.alerter.match.RuleBook;
import io.newswire.kafka.DeadLetterSink;
import io.newswire.kafka.KafkaClients;
import io.newswire.kafka.LoopStatus;
import io.newswire.kafka.LoopSupervisor;
import io.newswire.kafka.RecordFailures;
import io.newswire.kafka.Running;
import io.newswire.model.Alert;
import io.newswire.model.EventException;
import io.newswire.model.Json;
import io.newswire.model.Rule;
import io.newswire.model.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;

/**
 * Delivers newswire.alerts to the webhooks of their rules, in its own consumer group so a slow or
 * broken receiver never holds up matching. Deliveries of a batch run in parallel (one slow rule
 * does not wait for another's retries); a delivery that finally fails goes to {@code
 * newswire.alerts.dlq} with the reason. Whatever goes wrong with one delivery (a bad URL, a refused
 * address, an exception or a stack overflow, a timeout, a 4xx/5xx) is that rule's alone: it is
 * dead-lettered and the others are delivered once each, since a failure escaping to the loop would
 * restart it from the last commit and deliver the rest of the batch again. Offsets are committed
 * once every delivery of the batch has succeeded or been dead-lettered. A failure the loop does not
 * handle itself (the broker) starts it again with new clients ({@link LoopSupervisor}). A record
 * that adds a later copy's source to an alert ({@link Alert#copyOf}) is not delivered: the receiver
 * heard of the story once.
 */
public final class WebhookDispatcher implements Runnable, AutoCloseable {
  private final KafkaClients clients;
  private final RuleBook rules;
  private final WebhookDelivery delivery;
  private final String groupId;
  private final ExecutorService pool =
      Executors.newFixedThreadPool(
          4,
          r -> {
            Thread t = new Thread(r, "webhook");
            t.setDaemon(true);
            return t;
          });
  private final Running running = new Running();
  private final LoopStatus status = new LoopStatus();

  public WebhookDispatcher(
      KafkaClients clients, RuleBook rules, WebhookDelivery delivery, String groupId) {
    this.clients = clients;
    this.rules = rules;
    this.delivery = delivery;
    this.groupId = groupId;
  }

  /** Restarts of the loop and its last failure, for the health check. */
  public LoopStatus status() {
    return status;
  }

  @Override
  public void run() {
    LoopSupervisor.run(
        "webhooks: delivery of " + Topics.ALERTS, running::get, status, this::attempt);
  }

  /** One run of the loop with its own clients; returns once closed. */
  private void attempt() throws Exception {
    clients.ensureTopics();
    try (KafkaConsumer<String, byte[]> kafkaConsumer =
            new KafkaConsumer<>(clients.consumer(groupId, "webhooks"));
        KafkaProducer<String, byte[]> dlqProducer =
            new KafkaProducer<>(clients.producer("webhooks-dlq"))) {
      running.polling(kafkaConsumer);
      DeadLetterSink dlq = new DeadLetterSink(dlqProducer, "webhooks");
      kafkaConsumer.subscribe(List.of(Topics.ALERTS));
      while (running.get()) {
        ConsumerRecords<String, byte[]> records = kafkaConsumer.poll(Duration.ofMillis(200));
        if (records.isEmpty()) {
          continue;
        }
        List<Future<?>> pending = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
          offsets.put(
              new TopicPartition(record.topic(), record.partition()),
              new OffsetAndMetadata(record.offset() + 1));
          Alert alert;
          try {
            alert = Json.read(record.value(), Alert.class);
          } catch (EventException e) {
            dlq.send(record, e.getMessage(), e);
            continue;
          }
          Rule rule = rules.rule(alert.ruleId());
          if (rule == null || !rule.hasWebhook() || !delivered(alert)) {
            continue;
          }
          pending.add(
              pool.submit(
                  () -> {
                    try {
                      delivery.deliver(rule, alert);
                    } catch (WebhookDelivery.WebhookException e) {
                      dlq.send(record, "rule " + rule.id() + ": " + e.getMessage(), e);
                    } catch (RuntimeException | StackOverflowError e) {
                      String reason =
                          "rule "
                              + rule.id()
                              + ": delivery to "
                              + WebhookTargets.redact(rule.webhook())
                              + " failed: "
                              + WebhookTargets.redactMessage(
                                  RecordFailures.reason(e), rule.webhook());
                      dlq.send(record, reason, new WebhookDelivery.WebhookException(reason));
                    }
                    return null;
                  }));
        }
        for (Future<?> f : pending) {
          f.get();
        }
        kafkaConsumer.commitSync(offsets);
      }
    }
  }

  /**
   * Whether an alert is sent at all: a copy record only adds a source to an alert already sent
   * (issue 13).
   */
  public static boolean delivered(Alert alert) {
    return alert.copyOf() == null;
  }

  @Override
  public void close() {
    running.stop();
    pool.shutdownNow();
    delivery.close();
  }
}
