package io.newswire.cleaner;

import io.newswire.cleaner.story.StoryIndex;
import io.newswire.common.LoopHealth;
import io.newswire.extract.Extractor;
import io.newswire.extract.meta.LanguageDetection;
import io.newswire.extract.site.SiteBoilerplate;
import io.newswire.kafka.KafkaClients;
import io.newswire.kafka.PipeRunner;
import io.newswire.kafka.TopicFollower;
import io.newswire.kafka.TransactionalPipe;
import io.newswire.model.CleanArticle;
import io.newswire.model.Json;
import io.newswire.model.RawDocument;
import io.newswire.model.StoryFingerprint;
import io.newswire.model.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Quarkus shell of the cleaner: newswire.raw to newswire.clean through {@link ArticleCleaner}, each
 * article placed in its story ({@link StoryIndex}) and its fingerprint published on
 * newswire.stories in the same transaction.
 */
// its own readiness check; @Readiness is a qualifier, so @Default keeps it injectable as it is
@Readiness
@Default
@ApplicationScoped
public class CleanerService implements HealthCheck {
  private static final Logger LOG = Logger.getLogger(CleanerService.class);

  private final ArticleCleaner cleaner;
  private final StoryIndex stories;
  private final RawSizeLimit sizeLimit;
  private final KafkaClients clients;
  private final CleanerConfig config;
  private final String instanceId;
  private TopicFollower storiesFollower;
  private PipeRunner runner;

  public CleanerService(
      KafkaClients clients,
      CleanerConfig config,
      @ConfigProperty(name = "newswire.instance-id", defaultValue = "local") String instanceId) {
    this.clients = clients;
    this.config = config;
    this.instanceId = instanceId;
    this.sizeLimit = new RawSizeLimit(config.maxRawBytes());
    this.cleaner =
        new ArticleCleaner(
            new Extractor(
                config.siteLearning() == CleanerConfig.SiteLearning.ON
                    ? new SiteBoilerplate()
                    : null,
                config.maxExtractionTime()));
    this.stories =
        new StoryIndex(
            config.storyThreshold(),
            config.storyCapacity(),
            config.storyWindow(),
            Clock.systemUTC());
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.enabled()) {
      return;
    }
    LanguageDetection.warmUp(); // before readiness: the first article must not wait for the models
    storiesFollower =
        TopicFollower.perRecord(
                clients,
                Topics.STORIES,
                r -> {
                  if (r.value() != null) {
                    stories.restore(Json.read(r.value(), StoryFingerprint.class));
                  }
                })
            .start();
    // cleaning before the earlier fingerprints are read would start a new story for a copy of them
    Thread starter = new Thread(this::startCleaning, "cleaner-start");
    starter.setDaemon(true);
    starter.start();
  }

  private void startCleaning() {
    try {
      while (!storiesFollower.awaitCaughtUp(10, TimeUnit.SECONDS)) {
        LOG.infof("Waiting to read the story fingerprints from %s", Topics.STORIES);
      }
    } catch (InterruptedException e) {
      return;
    }
    LOG.infof("Read %d story fingerprint(s); cleaning", stories.size());
    TransactionalPipe pipe =
        new TransactionalPipe(
            clients,
            "cleaner",
            Topics.RAW,
            config.groupId(),
            config.transactionalIdPrefix() + "-" + instanceId,
            config.maxPollRecords(),
            config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors(),
            record -> clean(record.value()));
    runner = new PipeRunner(pipe, "cleaner-pipe").start();
  }

  /** The clean article and its fingerprint, written in one transaction. */
  private List<ProducerRecord<String, byte[]>> clean(byte[] value) {
    sizeLimit.check(value);
    CleanArticle article = cleaner.clean(Json.read(value, RawDocument.class));
    StoryFingerprint story = stories.place(article);
    article = article.inStory(story.storyId(), story.duplicateOf());
    return List.of(
        new ProducerRecord<>(Topics.CLEAN, article.id(), Json.write(article)),
        new ProducerRecord<>(Topics.STORIES, story.id(), Json.write(story)));
  }

  void onStop(@Observes ShutdownEvent event) {
    if (runner != null) {
      runner.close();
    }
    if (storiesFollower != null) {
      storiesFollower.close();
    }
  }

  /** Its readiness ({@code /q/health/ready}): {@link #health}. */
  @Override
  public HealthCheckResponse call() {
    return health();
  }

  /** Readiness as reported by {@code /q/health/ready}. */
  public HealthCheckResponse health() {
    boolean up = runner != null && runner.pipe().ready();
    HealthCheckResponseBuilder health =
        HealthCheckResponse.named("cleaner-pipe")
            .status(up)
            .withData("processed", runner == null ? 0 : runner.pipe().processed())
            .withData("deadLettered", runner == null ? 0 : runner.pipe().deadLettered());
    if (runner != null) {
      LoopHealth.describe(health, "", runner.pipe().status());
    }
    return health.build();
  }
}
