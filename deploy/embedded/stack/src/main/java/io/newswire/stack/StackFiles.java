package io.newswire.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The files a running stack keeps under its data directory. */
final class StackFiles {
  /** Everything the stack and the launcher create under the data directory, and nothing else. */
  private static final String[] OWNED = {
    "kafka", "elasticsearch", "logs", StackMain.PROPERTIES_FILE, UpMain.UP_FILE
  };

  private StackFiles() {}

  /** Deletes only what the stack itself creates, never anything else under {@code dataDir}. */
  static void wipe(Path dataDir) throws IOException {
    for (String name : OWNED) {
      Path path = dataDir.resolve(name);
      if (Files.exists(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
            Files.delete(p);
          }
        }
      }
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a stale file is harmless: the pid in it shows the process is gone
    }
  }
}
