package io.newswire.fetcher.source;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Counts what each source did: documents emitted and failures by reason (Micrometer counters {@code
 * newswire.fetcher.documents} and {@code newswire.fetcher.errors}, tagged by source and reason),
 * and keeps the last success and last error for {@code ./newswire sources list}.
 */
public final class SourceMonitor {
  private static final Logger LOG = Logger.getLogger(SourceMonitor.class);

  private final MeterRegistry registry;
  private final Map<String, Status> statuses = new ConcurrentHashMap<>();

  public SourceMonitor(MeterRegistry registry) {
    this.registry = registry;
  }

  /** What {@code sources list} shows of one source. */
  public static final class Status {
    public final String source;
    public final AtomicLong itemsEmitted = new AtomicLong();
    public final AtomicLong errors = new AtomicLong();
    public volatile Instant lastSuccess;
    public volatile Instant lastError;
    public volatile String lastErrorReason;

    Status(String source) {
      this.source = source;
    }
  }

  public void emitted(String source) {
    status(source).itemsEmitted.incrementAndGet();
    Counter.builder("newswire.fetcher.documents")
        .tag("source", source)
        .register(registry)
        .increment();
  }

  /** A poll or a file check of {@code source} went through (possibly with nothing new). */
  public void succeeded(String source) {
    status(source).lastSuccess = Instant.now();
  }

  /** Counts and logs a failure; {@code reason} is a short tag such as {@code too-large}. */
  public void failed(String source, String reason, String detail) {
    Status status = status(source);
    status.errors.incrementAndGet();
    status.lastError = Instant.now();
    status.lastErrorReason = reason + ": " + detail;
    Counter.builder("newswire.fetcher.errors")
        .tag("source", source)
        .tag("reason", reason)
        .register(registry)
        .increment();
    LOG.warnf("source %s: %s: %s", source, reason, detail);
  }

  public Status status(String source) {
    return statuses.computeIfAbsent(source, Status::new);
  }

  public Collection<Status> all() {
    return statuses.values();
  }

  /**
   * Forgets the sources not in {@code sources} (removed from the deployment): their status and
   * their counters, so that what is kept stays bounded by the sources there are, not by all there
   * ever were.
   */
  public void retain(Set<String> sources) {
    for (String source : statuses.keySet()) {
      if (!sources.contains(source)) {
        statuses.remove(source);
        registry
            .find("newswire.fetcher.documents")
            .tag("source", source)
            .meters()
            .forEach(registry::remove);
        registry
            .find("newswire.fetcher.errors")
            .tag("source", source)
            .meters()
            .forEach(registry::remove);
      }
    }
  }

  public double errorCount(String source, String reason) {
    Counter counter =
        registry
            .find("newswire.fetcher.errors")
            .tag("source", source)
            .tag("reason", reason)
            .counter();
    return counter == null ? 0 : counter.count();
  }
}
