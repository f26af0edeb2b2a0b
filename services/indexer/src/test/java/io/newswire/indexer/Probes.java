package io.newswire.indexer;

import io.newswire.kafka.KafkaClients;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits in the integration tests: a probe is asked every 250 ms until its answer will do, or the
 * time is up.
 */
final class Probes {

  private Probes() {}

  /** Records on {@code topic} that {@code group} has not committed yet. */
  static long lag(KafkaClients clients, String group, String topic) throws Exception {
    try (Admin admin = clients.admin();
        KafkaConsumer<String, byte[]> consumer =
            new KafkaConsumer<>(clients.consumer("lag-probe", "lag"))) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      long lag = 0;
      for (var end : consumer.endOffsets(partitions).entrySet()) {
        OffsetAndMetadata done = committed.get(end.getKey());
        lag += end.getValue() - (done == null ? 0 : done.offset());
      }
      return lag;
    }
  }

  /**
   * The first answer {@code done} accepts; a probe that cannot reach its server yet is asked again.
   */
  static <T> T await(String what, Duration timeout, Callable<T> probe, Predicate<T> done)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = probe.call();
        if (done.test(last)) {
          return last;
        }
      } catch (IOException e) {
        // not reachable yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Timed out waiting for " + what + "; last seen: " + last);
  }
}
