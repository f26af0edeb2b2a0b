package io.newswire.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Recursive deletion of stack directories. */
final class TempDirs {

  private TempDirs() {}

  static void delete(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  static void deleteQuietly(Path path) {
    try {
      delete(path);
    } catch (IOException ignored) {
      // a leftover temporary directory is not worth failing a JVM shutdown for
    }
  }
}
