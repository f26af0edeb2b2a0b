package io.newswire.fetcher.state;

import io.newswire.kafka.KafkaClients;
import io.newswire.kafka.TopicFollower;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The seen-state in a compacted topic keyed by document id, valued by content hash. Read fully at
 * start (so a restart re-emits nothing), then followed, so what another fetcher instance emitted
 * counts as seen here too. Its records are written by the fetcher's document sink in the same
 * transaction as the documents they stand for, and read here with {@code read_committed}: a
 * document is either published and seen, or neither.
 *
 * <p>The view is an {@link InMemorySeenStore} of {@code capacity} ids: the topic keeps every id
 * (compacted, on disk), the memory only the newest, and an older id met again is emitted once more
 * (what that means downstream is said there).
 */
public final class KafkaSeenStore implements SeenStore, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(KafkaSeenStore.class);
  private static final long TIMEOUT_SECONDS = 30;

  private final String topic;
  private final InMemorySeenStore view;
  private final TopicFollower follower;

  /**
   * @param capacity ids held in memory ({@code newswire.fetcher.seen-capacity})
   */
  public KafkaSeenStore(KafkaClients kafka, String topic, int capacity) {
    this.topic = topic;
    this.view = new InMemorySeenStore(capacity);
    this.follower = new TopicFollower(kafka, topic, this::apply);
  }

  /** Reads the topic to its end, then keeps following it in the background. */
  public void load() {
    follower.start();
    try {
      if (!follower.awaitCaughtUp(TIMEOUT_SECONDS * 4, TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "Could not read " + topic + " to its end within " + TIMEOUT_SECONDS * 4 + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading " + topic, e);
    }
    if (view.evicted() > 0) {
      LOG.infof(
          "seen-state: %d document(s) from %s held, %d older ones forgotten (newswire.fetcher.seen-capacity=%d)",
          view.size(), topic, view.evicted(), view.capacity());
    } else {
      LOG.infof("seen-state: %d document(s) from %s", view.size(), topic);
    }
  }

  public String topic() {
    return topic;
  }

  private void apply(List<ConsumerRecord<String, byte[]>> records) {
    for (ConsumerRecord<String, byte[]> r : records) {
      if (r.key() == null) {
        continue;
      }
      if (r.value() == null) {
        view.forget(r.key());
      } else {
        view.markSeen(r.key(), new String(r.value(), StandardCharsets.UTF_8));
      }
    }
  }

  @Override
  public boolean isSeen(String id) {
    return view.isSeen(id);
  }

  @Override
  public boolean matches(String id, String hash) {
    return view.matches(id, hash);
  }

  /**
   * Records {@code hash} in this instance's view only: the topic record is written by the document
   * sink, in the transaction that publishes the document, which calls this once it committed.
   */
  @Override
  public void markSeen(String id, String hash) {
    view.markSeen(id, hash);
  }

  /** The in-memory view, for its size and evictions. */
  public InMemorySeenStore view() {
    return view;
  }

  @Override
  public void close() {
    follower.close();
  }
}
