package io.newswire.fetcher;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The real config mapping with its defaults, built without Quarkus; and a bounded wait. */
public final class TestSupport {
  private TestSupport() {}

  public static FetcherConfig config(Map<String, String> overrides) {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withMapping(FetcherConfig.class)
            // Quarkus adds its "5s"/"150ms" converter at build time; plain SmallRye needs it here
            .withConverter(
                Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
            .withDefaultValues(overrides)
            .build();
    return config.getConfigMapping(FetcherConfig.class);
  }

  /** Waits until {@code condition} holds; fails after a generous bound (not a timing assertion). */
  public static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting for " + what);
      }
      Thread.sleep(20);
    }
  }
}
