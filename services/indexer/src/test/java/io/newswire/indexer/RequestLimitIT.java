package io.newswire.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.kafka.DeadLetters;
import io.newswire.kafka.KafkaClients;
import io.newswire.model.CleanArticle;
import io.newswire.model.DocumentIds;
import io.newswire.model.Json;
import io.newswire.model.Topics;
import io.newswire.testing.EmbeddedStackResource;
import io.newswire.testing.TopicSnapshot;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: an article larger than Elasticsearch accepts in one request (HTTP 413) used to be
 * retried without end, and the indexer's partition with it. Here the indexer's loop writes to a
 * real Elasticsearch 7.10 node of its own whose {@code http.max_content_length} is 1 MB, below the
 * indexer's 5 MB bound on requests, and reads newswire.clean from the real embedded broker.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedStackResource.class)
class RequestLimitIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final String GROUP = "request-limit-it";

  private static Path dir;
  private static LimitedElasticsearch node;

  @Inject KafkaClients clients;

  @BeforeAll
  static void startNode() throws Exception {
    dir = Files.createTempDirectory("newswire-limited-es-");
    node = LimitedElasticsearch.start(dir, "1mb");
  }

  @AfterAll
  static void stopNode() throws Exception {
    if (node != null) {
      node.close();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Test
  void anArticleOverTheServersRequestLimitIsDeadLetteredAndTheRestOfItsBatchIndexed()
      throws Exception {
    startGroupAtTheEnd();
    // one batch: 1.6 MB of text in one article on partition 0, six of 200 KB on the other two
    CleanArticle oversize = article("https://example.org/limit/oversize", 1_600_000);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(clients.producer("it"))) {
      producer.send(new ProducerRecord<>(Topics.CLEAN, 0, oversize.id(), Json.write(oversize)));
      for (int i = 0; i < 6; i++) {
        CleanArticle article = article("https://example.org/limit/" + i, 200_000);
        producer.send(
            new ProducerRecord<>(Topics.CLEAN, 1 + i % 2, article.id(), Json.write(article)));
      }
      producer.flush();
    }
    try (RestClient rest = RestClient.builder(new HttpHost("127.0.0.1", node.port())).build();
        IndexerLoop loop = new IndexerLoop(clients, new Elastic(rest), config())) {
      Elastic es = new Elastic(rest);
      Thread thread = new Thread(loop, "request-limit-indexer");
      thread.start();
      try {
        await(
            "the six articles beside the oversize one to be indexed",
            () -> count(es, "limit"),
            n -> n == 6);
        ConsumerRecord<String, byte[]> letter =
            await("the oversize article's dead letter", this::letter, l -> l != null);
        String reason = DeadLetters.header(letter.headers(), DeadLetters.REASON);
        assertTrue(
            reason.startsWith(
                "Elasticsearch rejected the article: a bulk request of this article alone ("),
            reason);
        assertTrue(
            reason.endsWith(
                "bytes) was refused: HTTP 413 Request Entity Too Large: over Elasticsearch's"
                    + " http.max_content_length"),
            reason);
        assertEquals("indexer", DeadLetters.header(letter.headers(), DeadLetters.STAGE));
        assertEquals(0, count(es, "id:\"" + oversize.id() + "\""), "not indexed");

        // the loop goes on, and everything it read is committed
        CleanArticle after = article("https://example.org/limit/after", 1_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(clients.producer("it"))) {
          producer.send(new ProducerRecord<>(Topics.CLEAN, 0, after.id(), Json.write(after))).get();
        }
        await(
            "the article after the oversize one to be indexed",
            () -> count(es, "id:\"" + after.id() + "\""),
            n -> n == 1);
        await("the group's offsets to be committed", this::lag, lag -> lag == 0L);
        assertEquals(7, loop.indexed());
        assertEquals(1, loop.deadLettered());
        assertEquals(0, loop.status().restarts());
      } finally {
        loop.close();
        thread.join(10_000);
      }
    }
  }

  private static IndexerConfig config() {
    return new IndexerConfig() {
      public String groupId() {
        return GROUP;
      }

      public String alias() {
        return "newswire";
      }

      public String initialIndex() {
        return "newswire-v1";
      }

      public int batchSize() {
        return 500;
      }

      public int maxBulkBytes() {
        return 5 * 1024 * 1024;
      }

      public Duration retryBackoff() {
        return Duration.ofMillis(200);
      }

      public Duration maxRetryBackoff() {
        return Duration.ofSeconds(2);
      }

      public Duration refreshAfterWrite() {
        return Duration.ofMillis(250);
      }

      public boolean enabled() {
        return true;
      }
    };
  }

  private static CleanArticle article(String url, int textLength) {
    String text =
        ("Report on the harbour limit " + url + ". ")
            .repeat(textLength / 40 + 1)
            .substring(0, textLength);
    return new CleanArticle(
        1,
        DocumentIds.forUrl(url),
        url,
        "it",
        "Limit report",
        "2021-09",
        List.of(),
        "en",
        null,
        text,
        DocumentIds.hash(text),
        "test",
        Instant.now(),
        Instant.now());
  }

  /** The group starts where newswire.clean ends now, so it reads this test's articles only. */
  private void startGroupAtTheEnd() throws Exception {
    clients.ensureTopics();
    try (Admin admin = clients.admin();
        KafkaConsumer<String, byte[]> consumer =
            new KafkaConsumer<>(clients.consumer("end-probe", "end"))) {
      Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.CLEAN).stream()
              .map(p -> new TopicPartition(Topics.CLEAN, p.partition()))
              .toList();
      consumer.endOffsets(partitions).forEach((p, end) -> ends.put(p, new OffsetAndMetadata(end)));
      admin.alterConsumerGroupOffsets(GROUP, ends).all().get();
    }
  }

  private ConsumerRecord<String, byte[]> letter() {
    return TopicSnapshot.read(clients.bootstrapServers(), Topics.dlq(Topics.CLEAN)).stream()
        .filter(r -> "indexer".equals(DeadLetters.header(r.headers(), DeadLetters.STAGE)))
        .filter(r -> DocumentIds.forUrl("https://example.org/limit/oversize").equals(r.key()))
        .findFirst()
        .orElse(null);
  }

  private static long count(Elastic es, String query) throws IOException {
    String body =
        "{\"query\":{\"query_string\":{\"query\":"
            + Json.mapper().writeValueAsString(query)
            + "}}}";
    EsResponse response = es.call("POST", "/newswire/_count", body);
    return response.ok() ? response.body().path("count").asLong() : -1;
  }

  /** Records on newswire.clean not yet committed by the indexer's group. */
  private long lag() throws Exception {
    return Probes.lag(clients, GROUP, Topics.CLEAN);
  }

  private static <T> T await(String what, Callable<T> probe, Predicate<T> done) throws Exception {
    return Probes.await(what, TIMEOUT, probe, done);
  }
}
