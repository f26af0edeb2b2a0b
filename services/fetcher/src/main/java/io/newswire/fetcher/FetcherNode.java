package io.newswire.fetcher;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newswire.fetcher.catalog.ShardAssignment;
import io.newswire.fetcher.catalog.SourceCatalog;
import io.newswire.fetcher.catalog.SourcePublisher;
import io.newswire.fetcher.source.SourceDefinition;
import io.newswire.fetcher.source.SourceManager;
import io.newswire.fetcher.source.SourceMonitor;
import io.newswire.fetcher.source.SourcesFileWatch;
import io.newswire.fetcher.state.KafkaSeenStore;
import io.newswire.kafka.KafkaClients;
import io.newswire.kafka.TopicSetup;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;

/**
 * One fetcher instance, in plain Java (the Quarkus service wraps one; a test can run two):
 *
 * <ul>
 *   <li>the sources file, when this instance has one, is published to {@code newswire.sources};
 *   <li>the whole topic is followed ({@link SourceCatalog});
 *   <li>Kafka assigns this instance some of the topic's partitions ({@link ShardAssignment}), and
 *       it runs exactly the sources on those, so each host is polled by one instance;
 *   <li>documents and their seen-state are published in one transaction ({@link
 *       KafkaDocumentSink}).
 * </ul>
 */
public final class FetcherNode implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(FetcherNode.class);
  private static final long TOPIC_TIMEOUT_SECONDS = 30;

  private final FetcherConfig config;
  private final KafkaClients kafka;
  private final MeterRegistry registry;
  private final String instanceId;

  private Producer<String, byte[]> catalogProducer;
  private KafkaDocumentSink sink;
  private KafkaSeenStore seen;
  private SourceCatalog catalog;
  private SourcePublisher publisher;
  private ShardAssignment shards;
  private SourceManager sources;
  private SourceFactory factory;
  private SourceMonitor monitor;
  private ScheduledExecutorService reload;
  private volatile Set<Integer> owned = Set.of();
  private volatile boolean ready;

  public FetcherNode(
      FetcherConfig config, KafkaClients kafka, MeterRegistry registry, String instanceId) {
    this.config = config;
    this.kafka = kafka;
    this.registry = registry;
    this.instanceId = instanceId;
  }

  public FetcherNode start() {
    kafka.ensureTopics();
    try (Admin admin = kafka.admin()) {
      // its seen-state, and a sources topic named otherwise than the pipeline's (both are settings)
      TopicSetup.Settings topics = kafka.topicSettings();
      TopicSetup.ensure(
          admin,
          List.of(
              topics.compacted(config.seenTopic(), 1),
              topics.compacted(config.sourcesTopic(), TopicSetup.SOURCE_PARTITIONS)),
          TOPIC_TIMEOUT_SECONDS);
    }
    seen = new KafkaSeenStore(kafka, config.seenTopic(), config.seenCapacity());
    seen.load();
    sink = new KafkaDocumentSink(kafka, "newswire-fetcher-" + instanceId, seen);
    monitor = new SourceMonitor(registry);
    factory = new SourceFactory(config, sink, monitor);
    sources = new SourceManager(factory::create);

    catalog = new SourceCatalog(kafka, config.sourcesTopic());
    catalog.load();
    catalogProducer = new KafkaProducer<>(kafka.producer("newswire-fetcher-sources-" + instanceId));
    publisher = new SourcePublisher(catalogProducer, catalog);
    catalog.onChange(this::reconcile);

    reload =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sources-file");
              t.setDaemon(true);
              return t;
            });
    SourcesFileWatch watch = new SourcesFileWatch(Path.of(config.sourcesFile()), this::publishFile);
    watch.run();
    long every = config.sourcesReloadInterval().toMillis();
    reload.scheduleWithFixedDelay(watch, every, every, TimeUnit.MILLISECONDS);

    shards =
        new ShardAssignment(
            kafka,
            config.sourcesTopic(),
            config.groupId(),
            "newswire-fetcher-" + instanceId,
            config.groupSessionTimeout(),
            this::own);
    shards.start();
    Gauge.builder("newswire.fetcher.shards", () -> owned.size())
        .description("partitions of newswire.sources (groups of hosts) this instance polls")
        .register(registry);
    Gauge.builder("newswire.fetcher.seen.ids", () -> seen.view().size())
        .description("document ids held in the seen-state, at most newswire.fetcher.seen-capacity")
        .register(registry);
    Gauge.builder("newswire.fetcher.seen.forgotten", () -> seen.view().evicted())
        .description(
            "oldest ids dropped from the seen-state to keep it within newswire.fetcher.seen-capacity")
        .register(registry);
    ready = true;
    LOG.infof(
        "fetcher %s started: %d source(s) in %s, sources file %s, seen-state in %s",
        instanceId,
        catalog.entries().size(),
        config.sourcesTopic(),
        Path.of(config.sourcesFile()).toAbsolutePath(),
        config.seenTopic());
    return this;
  }

  private void publishFile(List<SourceDefinition> fromFile) {
    try {
      publisher.syncFile(fromFile);
    } catch (RuntimeException e) {
      LOG.errorf("sources file not published, will retry when it changes: %s", e.getMessage());
    }
  }

  private void own(Set<Integer> partitions) {
    owned = partitions;
    reconcile();
  }

  /** Runs exactly the sources of the partitions this instance owns. */
  private synchronized void reconcile() {
    if (sources == null) {
      return;
    }
    Set<Integer> mine = owned;
    List<SourceCatalog.Entry> entries = catalog.entries();
    sources.apply(
        entries.stream()
            .filter(e -> mine.contains(e.partition()))
            .map(SourceCatalog.Entry::definition)
            .toList());
    monitor.retain(entries.stream().map(e -> e.definition().name()).collect(Collectors.toSet()));
  }

  /** Started, and given its share of the sources by the group. */
  public boolean ready() {
    return ready && shards.joined();
  }

  public String instanceId() {
    return instanceId;
  }

  public SourceCatalog catalog() {
    return catalog;
  }

  public SourcePublisher publisher() {
    return publisher;
  }

  /** The sources running on this instance. */
  public SourceManager sources() {
    return sources;
  }

  public SourceMonitor monitor() {
    return monitor;
  }

  public Set<Integer> ownedPartitions() {
    return owned;
  }

  @Override
  public void close() {
    ready = false;
    if (reload != null) {
      reload.shutdownNow();
    }
    if (shards != null) {
      // stops this instance's sources (revocation) and hands its hosts to the others
      shards.close();
    }
    if (sources != null) {
      sources.close();
    }
    if (factory != null) {
      factory.close();
    }
    if (catalog != null) {
      catalog.close();
    }
    if (catalogProducer != null) {
      catalogProducer.close();
    }
    if (sink != null) {
      sink.close();
    }
    if (seen != null) {
      seen.close();
    }
  }
}
