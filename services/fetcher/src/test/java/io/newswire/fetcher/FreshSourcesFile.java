package io.newswire.fetcher;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives a test's fetcher a sources file of its own that does not exist yet, so no earlier run's
 * file is read.
 */
public class FreshSourcesFile implements QuarkusTestResourceLifecycleManager {
  @Override
  public Map<String, String> start() {
    try {
      Path dir = Files.createDirectories(Path.of("target/it"));
      Path file = Files.createTempFile(dir, "sources-", ".yaml");
      Files.delete(file);
      return Map.of("newswire.fetcher.sources-file", file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void stop() {}
}
