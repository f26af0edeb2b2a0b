package io.newswire.console.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.console.AlerterClient;
import io.newswire.console.Pages;
import io.newswire.console.Reply;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One browser's live feed of alerts: asks the alerter for the alerts after the last one sent, every
 * {@link #POLL}, with that browser's key, and sends each as an event: {@code alert} with the page's
 * rendered list item, or {@code copy} with the "also in" line for the alert named by its {@code
 * data-of}. The event id is the alert's sequence, so a browser that reconnects goes on where it
 * stopped. Quarkus cancels the ticks, and so the polling, when the browser goes away.
 */
final class AlertStream {
  static final Duration POLL = Duration.ofSeconds(1);

  /** No position given: the first poll only finds where the feed is, and sends nothing. */
  private static final long NOW = -1;

  private static final Logger LOG = Logger.getLogger(AlertStream.class);

  private final AlerterClient alerter;
  private final ObjectMapper json;
  private final Sse sse;
  private final String key;
  private long last;

  AlertStream(AlerterClient alerter, ObjectMapper json, Sse sse, String key, long after) {
    this.alerter = alerter;
    this.json = json;
    this.sse = sse;
    this.key = key;
    this.last = after;
  }

  /** {@code after} or {@code Last-Event-ID} as a sequence; {@link #NOW} when missing or not one. */
  static long position(String value) {
    try {
      return value == null ? NOW : Math.max(0, Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return NOW;
    }
  }

  Multi<OutboundSseEvent> events() {
    // the polls block on the alerter, so they run on the worker pool, one at a time; ticks due
    // meanwhile drop
    return Multi.createFrom()
        .ticks()
        .every(POLL)
        .onOverflow()
        .drop()
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .onItem()
        .transformToIterable(tick -> poll());
  }

  private synchronized List<OutboundSseEvent> poll() {
    Reply reply;
    try {
      reply = alerter.alertsAfter(key, Math.max(0, last));
    } catch (IOException e) {
      LOG.debugf("Live alerts wait for the alerter: %s", e.getMessage());
      return List.of();
    }
    if (reply.refused()) {
      // the key was revoked: end the feed; the browser's reconnect finds the sign-in page
      throw new IllegalStateException(
          "The alerter refuses the key (" + reply.status() + "): " + reply.error());
    }
    if (!reply.ok()) {
      return List.of();
    }
    List<Entry> entries = json.convertValue(reply.body(), AlertsResource.ENTRIES);
    boolean starting = last == NOW;
    List<OutboundSseEvent> events =
        entries.stream().filter(e -> e.sequence() > last).map(this::event).toList();
    last = entries.stream().mapToLong(Entry::sequence).reduce(Math.max(0, last), Math::max);
    return starting ? List.of() : events;
  }

  private OutboundSseEvent event(Entry entry) {
    Entry.Alert alert = entry.alert();
    boolean copy = alert.copyOf() != null;
    String html =
        copy
            ? Pages.alerts$copy(AlertView.CopyView.of(alert)).render()
            : Pages.alerts$item(AlertView.of(alert)).render();
    // one data line: a line break inside HTML is only white space
    return sse.newEventBuilder()
        .id(Long.toString(entry.sequence()))
        .name(copy ? "copy" : "alert")
        .mediaType(MediaType.TEXT_PLAIN_TYPE)
        .data(String.class, html.replaceAll("[\r\n]+", " "))
        .build();
  }
}
