package io.newswire.cleaner;

import io.newswire.common.KafkaClients;
import io.newswire.common.PipeRunner;
import io.newswire.common.TransactionalPipe;
import io.newswire.extract.Extractor;
import io.newswire.extract.meta.LanguageDetection;
import io.newswire.extract.site.SiteBoilerplate;
import io.newswire.model.CleanArticle;
import io.newswire.model.Json;
import io.newswire.model.RawDocument;
import io.newswire.model.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Quarkus shell of the cleaner: newswire.raw to newswire.clean through {@link ArticleCleaner}. */
@ApplicationScoped
public class CleanerService {
  private final ArticleCleaner cleaner;
  private final RawSizeLimit sizeLimit;
  private final KafkaClients clients;
  private final CleanerConfig config;
  private final String instanceId;
  private PipeRunner runner;

  public CleanerService(
      KafkaClients clients,
      CleanerConfig config,
      @ConfigProperty(name = "newswire.instance-id", defaultValue = "local") String instanceId) {
    this.clients = clients;
    this.config = config;
    this.instanceId = instanceId;
    this.sizeLimit = new RawSizeLimit(config.maxRawBytes());
    this.cleaner = new ArticleCleaner(new Extractor(
        config.siteLearning() == CleanerConfig.SiteLearning.ON ? new SiteBoilerplate() : null,
        config.maxExtractionTime()));
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.enabled()) {
      return;
    }
    LanguageDetection.warmUp(); // before readiness: the first article must not wait for the models
    TransactionalPipe pipe =
        new TransactionalPipe(
            clients,
            "cleaner",
            Topics.RAW,
            config.groupId(),
            config.transactionalIdPrefix() + "-" + instanceId,
            config.maxPollRecords(),
            config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors(),
            record -> List.of(clean(record.value())));
    runner = new PipeRunner(pipe, "cleaner-pipe").start();
  }

  private ProducerRecord<String, byte[]> clean(byte[] value) {
    sizeLimit.check(value);
    CleanArticle article = cleaner.clean(Json.read(value, RawDocument.class));
    return new ProducerRecord<>(Topics.CLEAN, article.id(), Json.write(article));
  }

  void onStop(@Observes ShutdownEvent event) {
    if (runner != null) {
      runner.close();
    }
  }

  /** Readiness as reported by {@code /q/health/ready}. */
  public HealthCheckResponse health() {
    boolean up = runner != null && runner.pipe().ready();
    HealthCheckResponseBuilder health = HealthCheckResponse.named("cleaner-pipe")
        .status(up)
        .withData("processed", runner == null ? 0 : runner.pipe().processed())
        .withData("deadLettered", runner == null ? 0 : runner.pipe().deadLettered());
    if (runner != null) {
      runner.pipe().status().describe(health, "");
    }
    return health.build();
  }
}
