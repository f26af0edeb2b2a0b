package io.newswire.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared evaluation pages, which live next to the repository ({@code ../shared/eval}) on
 * developer machines and are absent elsewhere: walks up from the working directory to the
 * repository root (the directory holding the {@code newswire} script or {@code .git}).
 */
public final class EvalSet {

  private EvalSet() {}

  /** The {@code articles} directory of the eval set, if present. */
  public static Optional<Path> locate() {
    return evalRoot().map(p -> p.resolve("articles")).filter(Files::isDirectory);
  }

  /** The eval set's root ({@code ../shared/eval} from the repository root), if present. */
  public static Optional<Path> evalRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("newswire")) || Files.exists(p.resolve(".git"))) {
        Path eval = p.resolveSibling("shared").resolve("eval");
        return Files.isDirectory(eval) ? Optional.of(eval) : Optional.empty();
      }
    }
    return Optional.empty();
  }
}
