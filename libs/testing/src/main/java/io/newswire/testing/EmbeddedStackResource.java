package io.newswire.testing;

import io.newswire.launcher.EmbeddedStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.util.Map;

/**
 * Runs a service's {@code @QuarkusTest}s against the real embedded Kafka broker and Elasticsearch
 * node. The stack is started once per test JVM and shared by every test class that uses it (a start
 * costs 10–20 s on two cores); it stops when the JVM exits.
 */
public class EmbeddedStackResource implements QuarkusTestResourceLifecycleManager {
  /** The shared stack, started on first use. */
  public static EmbeddedStack stack() {
    return EmbeddedStack.shared(line -> System.out.println("[embedded-stack] " + line));
  }

  @Override
  public Map<String, String> start() {
    EmbeddedStack running = stack();
    URI es = URI.create(running.elasticsearchUrl());
    return Map.of(
        "kafka.bootstrap.servers", running.bootstrapServers(),
        "quarkus.elasticsearch.hosts", es.getHost() + ":" + es.getPort(),
        "newswire.elasticsearch.url", running.elasticsearchUrl());
  }

  @Override
  public void stop() {
    // shared across test classes; stopped by the JVM's shutdown hook
  }
}
