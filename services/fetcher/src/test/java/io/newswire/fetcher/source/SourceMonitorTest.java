package io.newswire.fetcher.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceMonitorTest {

  /**
   * Issue 12: what is kept per source is bounded by the sources there are, not all there ever were.
   */
  @Test
  void aSourceRemovedFromTheDeploymentLeavesNoStatusNorCounters() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SourceMonitor monitor = new SourceMonitor(registry);
    monitor.emitted("kept");
    monitor.emitted("removed");
    monitor.failed("removed", "timeout", "slow");
    monitor.retain(Set.of("kept"));
    assertEquals(1, monitor.all().size());
    assertEquals(1, monitor.status("kept").itemsEmitted.get());
    assertNull(registry.find("newswire.fetcher.documents").tag("source", "removed").counter());
    assertEquals(0, monitor.errorCount("removed", "timeout"));
    assertEquals(
        1, registry.find("newswire.fetcher.documents").tag("source", "kept").counter().count());
  }
}
