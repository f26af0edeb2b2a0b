package io.newswire.fetcher.catalog;

import io.newswire.fetcher.catalog.SourceCatalog.Entry;
import io.newswire.fetcher.catalog.SourceCatalog.Origin;
import io.newswire.fetcher.source.SourceDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Writes sources to {@code newswire.sources}: what the sources file says (entries the file owns are
 * added, changed and removed to match it; those added through the API are left alone) and what
 * {@code ./newswire sources add|remove} asks. Each write waits for the broker's acknowledgement and
 * is applied to the local catalog at once, so a list right after an add shows it.
 */
public final class SourcePublisher {
  private static final Logger LOG = Logger.getLogger(SourcePublisher.class);
  private static final long ACK_TIMEOUT_SECONDS = 30;

  private final Producer<String, byte[]> producer;
  private final SourceCatalog catalog;
  private final int partitions;

  public SourcePublisher(Producer<String, byte[]> producer, SourceCatalog catalog) {
    this.producer = producer;
    this.catalog = catalog;
    this.partitions = producer.partitionsFor(catalog.topic()).size();
  }

  /** Makes the sources owned by the file equal to {@code fromFile}. */
  public synchronized void syncFile(List<SourceDefinition> fromFile) {
    Set<String> names = new HashSet<>();
    int written = 0;
    for (SourceDefinition d : fromFile) {
      names.add(d.name());
      Optional<Entry> current = catalog.byName(d.name());
      if (current.isEmpty()
          || current.get().origin() != Origin.FILE
          || !current.get().definition().equals(d)) {
        put(d, Origin.FILE);
        written++;
      }
    }
    for (Entry e : catalog.entries()) {
      if (e.origin() == Origin.FILE && !names.contains(e.definition().name())) {
        delete(e);
        written++;
      }
    }
    if (written > 0) {
      LOG.infof("sources file: %d change(s) published to %s", written, catalog.topic());
      catalog.changed();
    }
  }

  /** Adds or replaces one source. */
  public synchronized void put(SourceDefinition d, Origin origin) {
    String shard = SourceCatalog.shard(d);
    String key = SourceCatalog.key(d);
    int partition = SourceCatalog.partition(shard, partitions);
    catalog.byName(d.name()).filter(e -> !e.key().equals(key)).ifPresent(this::delete);
    send(new ProducerRecord<>(catalog.topic(), partition, key, SourceCatalog.write(d, origin)));
    if (catalog.remember(new Entry(key, partition, d, origin))) {
      catalog.changed();
    }
  }

  /** Removes the source named {@code name}; false if there is none. */
  public synchronized boolean remove(String name) {
    Optional<Entry> entry = catalog.byName(name);
    entry.ifPresent(this::delete);
    entry.ifPresent(e -> catalog.changed());
    return entry.isPresent();
  }

  private void delete(Entry e) {
    send(new ProducerRecord<>(catalog.topic(), e.partition(), e.key(), null));
    catalog.forget(e.key());
  }

  private void send(ProducerRecord<String, byte[]> record) {
    try {
      producer.send(record).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while writing to " + catalog.topic(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "Could not write source "
              + record.key()
              + " to "
              + catalog.topic()
              + " within "
              + ACK_TIMEOUT_SECONDS
              + " s",
          e);
    }
  }
}
