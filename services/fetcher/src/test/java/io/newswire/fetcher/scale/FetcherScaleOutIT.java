package io.newswire.fetcher.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswire.fetcher.FetcherNode;
import io.newswire.fetcher.TestSupport;
import io.newswire.fetcher.catalog.SourceCatalog;
import io.newswire.fetcher.catalog.SourceCatalog.Origin;
import io.newswire.fetcher.source.SourceDefinition;
import io.newswire.fetcher.source.SourceType;
import io.newswire.kafka.KafkaClients;
import io.newswire.kafka.TopicSetup;
import io.newswire.model.Json;
import io.newswire.model.RawDocument;
import io.newswire.model.Topics;
import io.newswire.testing.EmbeddedStackResource;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fetcher instances on the real embedded broker, against sites on loopback: two instances split the
 * hosts and emit each article once; a stopped instance's hosts move to the other; a fetcher stopped
 * in the middle of a poll and started again neither repeats nor misses an article.
 */
class FetcherScaleOutIT {
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final HostFarm farm = new HostFarm();
  private KafkaClients kafka;
  private KafkaConsumer<String, byte[]> raw;

  /**
   * Every emission of this run's sources, by document id, in order: a second one is a duplicate.
   */
  private final Map<String, Integer> emissions = new HashMap<>();

  @BeforeEach
  void connect() {
    kafka = KafkaClients.plaintext(EmbeddedStackResource.stack().bootstrapServers());
    kafka.ensureTopics();
    raw = new KafkaConsumer<>(kafka.consumer("it-raw-" + run, "it-raw-" + run));
    raw.subscribe(List.of(Topics.RAW));
  }

  @AfterEach
  void close() {
    raw.close();
    farm.close();
  }

  private FetcherNode node(String name) {
    Map<String, String> settings = new HashMap<>();
    settings.put("newswire.fetcher.sources-file", "target/it/no-sources-file-" + run + ".yaml");
    settings.put("newswire.fetcher.sources-topic", "it.sources." + run);
    settings.put("newswire.fetcher.seen-topic", "it.seen." + run);
    settings.put("newswire.fetcher.group-id", "it-fetchers-" + run);
    settings.put("newswire.fetcher.group-session-timeout", "6s");
    settings.put("newswire.fetcher.user-agent", "Newswire" + name + "/1.0");
    settings.put("newswire.fetcher.allow-private", "127.0.0.0/8");
    settings.put("newswire.fetcher.default-crawl-delay", "0s");
    settings.put("newswire.fetcher.poll-interval", "1s");
    settings.put("newswire.fetcher.poll-interval-floor", "500ms");
    settings.put("newswire.fetcher.poll-interval-ceiling", "2s");
    return new FetcherNode(
            TestSupport.config(settings),
            kafka,
            new SimpleMeterRegistry(),
            "it-" + name + "-" + run)
        .start();
  }

  private SourceDefinition feed(HostFarm.Site site) {
    return SourceDefinition.http("scale-" + run + "-" + site.host, SourceType.FEED, site.feedUrl());
  }

  /**
   * Reads newswire.raw until {@code done} holds for the ids emitted so far by this run's sources.
   */
  private void readUntil(String what, Predicate<Map<String, Integer>> done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!done.test(emissions)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "gave up waiting for " + what + "; emitted so far: " + emissions.size());
      }
      for (ConsumerRecord<String, byte[]> r : raw.poll(Duration.ofMillis(200))) {
        RawDocument doc = Json.read(r.value(), RawDocument.class);
        if (doc.source().startsWith("scale-" + run)) {
          emissions.merge(doc.id(), 1, Integer::sum);
        }
      }
    }
  }

  /** Keeps reading a while longer, so a late duplicate would be seen. */
  private void drain(Duration time) {
    long until = System.nanoTime() + time.toNanos();
    readUntil("the drain", e -> System.nanoTime() > until);
  }

  private static void assertEachOnce(Map<String, Integer> emissions) {
    Map<String, Integer> repeated =
        emissions.entrySet().stream()
            .filter(e -> e.getValue() > 1)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertTrue(repeated.isEmpty(), "documents emitted more than once: " + repeated);
  }

  @Test
  void twoInstancesSplitTheHostsEmitEachArticleOnceAndTakeOverFromEachOther() throws Exception {
    // one host per partition of the sources topic, so that whatever the split, both get hosts
    Set<Integer> covered = new HashSet<>();
    for (int i = 2; covered.size() < TopicSetup.SOURCE_PARTITIONS && i < 250; i++) {
      String host = "127.0.0." + i;
      if (covered.add(SourceCatalog.partition(host, TopicSetup.SOURCE_PARTITIONS))) {
        farm.add(host).publish(3);
      }
    }
    assertEquals(TopicSetup.SOURCE_PARTITIONS, farm.sites.size());

    FetcherNode a = node("A");
    FetcherNode b = node("B");
    try {
      TestSupport.await(
          "both instances to get their share",
          () ->
              a.ready()
                  && b.ready()
                  && a.ownedPartitions().size() + b.ownedPartitions().size()
                      == TopicSetup.SOURCE_PARTITIONS);
      farm.sites.forEach(site -> a.publisher().put(feed(site), Origin.API));

      int expected = farm.sites.size() * 3;
      readUntil(expected + " articles", e -> e.size() == expected);
      drain(Duration.ofSeconds(3));
      assertEquals(expected, emissions.size());
      assertEachOnce(emissions);
      Set<String> agents = new HashSet<>();
      for (HostFarm.Site site : farm.sites) {
        Set<String> served = site.articleAgents();
        assertEquals(1, served.size(), site.host + " was fetched by " + served);
        agents.addAll(served);
      }
      assertEquals(Set.of("NewswireA/1.0", "NewswireB/1.0"), agents, "both instances served hosts");
      assertFalse(a.ownedPartitions().isEmpty());
      assertFalse(b.ownedPartitions().isEmpty());

      // B stops: its hosts move to A, which picks up their new articles and repeats no old one
      b.close();
      TestSupport.await(
          "A to own every partition",
          () -> a.ownedPartitions().size() == TopicSetup.SOURCE_PARTITIONS);
      farm.sites.forEach(site -> site.publish(1));
      int more = farm.sites.size() * 4;
      readUntil(more + " articles", e -> e.size() == more);
      drain(Duration.ofSeconds(3));
      assertEachOnce(emissions);
      for (HostFarm.Site site : farm.sites) {
        assertEquals(
            Set.of("NewswireA/1.0"),
            site.agentsByPath.get("/news/4"),
            site.host + "'s new article");
      }
    } finally {
      a.close();
      b.close();
    }
  }

  @Test
  void aFetcherStoppedMidPollAndStartedAgainNeitherRepeatsNorMisses() throws Exception {
    HostFarm.Site site = farm.add("127.0.0.1");
    site.publish(30);
    site.pageDelayMillis = 100;

    FetcherNode first = node("A");
    try {
      first.publisher().put(feed(site), Origin.API);
      readUntil("the first articles", e -> e.size() >= 6);
    } finally {
      first.close(); // in the middle of the poll of 30 articles
    }
    int beforeRestart = emissions.size();
    assertTrue(beforeRestart < 30, "stopped mid-poll: " + beforeRestart + " of 30 emitted");

    site.pageDelayMillis = 0;
    FetcherNode again = node("A"); // same instance id: a restart
    try {
      readUntil("all 30 articles", e -> e.size() == 30);
      drain(Duration.ofSeconds(3));
      assertEquals(30, emissions.size());
      assertEachOnce(emissions);
    } finally {
      again.close();
    }
  }
}
