package io.newswire.fetcher;

import io.micrometer.core.instrument.MeterRegistry;
import io.newswire.common.KafkaClients;
import io.newswire.fetcher.source.SourceManager;
import io.newswire.fetcher.source.SourceMonitor;
import io.newswire.fetcher.source.SourcesFileWatch;
import io.newswire.fetcher.state.KafkaSeenStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;

/** The Quarkus shell: wires Kafka, the seen-state and the sources file to the plain sources. */
@ApplicationScoped
public class FetcherService {
  private static final Logger LOG = Logger.getLogger(FetcherService.class);

  @Inject KafkaClients kafka;
  @Inject FetcherConfig config;
  @Inject MeterRegistry registry;

  private Producer<String, byte[]> producer;
  private KafkaSeenStore seen;
  private SourceManager sources;
  private SourceFactory factory;
  private SourceMonitor monitor;
  private ScheduledExecutorService reload;
  private volatile boolean ready;

  void onStart(@Observes StartupEvent event) {
    kafka.ensureTopics();
    try (Admin admin = kafka.admin()) {
      KafkaSeenStore.ensureTopic(admin, config.seenTopic());
    }
    producer = new KafkaProducer<>(kafka.producer("newswire-fetcher"));
    seen = new KafkaSeenStore(config.seenTopic(), producer, kafka.consumer("newswire-fetcher-seen", "newswire-fetcher-seen"));
    seen.load();
    monitor = new SourceMonitor(registry);
    factory = new SourceFactory(config, new KafkaDocumentSink(producer), seen, monitor);
    sources = new SourceManager(factory::create);
    reload = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sources-file");
      t.setDaemon(true);
      return t;
    });
    SourcesFileWatch watch = new SourcesFileWatch(Path.of(config.sourcesFile()), sources::apply);
    watch.run();
    long every = config.sourcesReloadInterval().toMillis();
    reload.scheduleWithFixedDelay(watch, every, every, TimeUnit.MILLISECONDS);
    ready = true;
    LOG.infof("fetcher ready: sources from %s, seen-state in %s", Path.of(config.sourcesFile()).toAbsolutePath(), config.seenTopic());
  }

  void onStop(@Observes ShutdownEvent event) {
    ready = false;
    if (reload != null) {
      reload.shutdownNow();
    }
    if (sources != null) {
      sources.close();
    }
    if (factory != null) {
      factory.close();
    }
    if (seen != null) {
      seen.close();
    }
    if (producer != null) {
      producer.close();
    }
  }

  public boolean ready() {
    return ready;
  }

  public SourceManager sources() {
    return sources;
  }

  public SourceMonitor monitor() {
    return monitor;
  }
}
