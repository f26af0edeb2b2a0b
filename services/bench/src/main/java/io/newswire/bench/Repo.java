package io.newswire.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository and the shared eval set are, found from the working directory. */
final class Repo {
  private Repo() {}

  static Path root() {
    String configured = System.getProperty("newswire.root");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("deploy/embedded")) && Files.exists(p.resolve("newswire"))) {
        return p;
      }
    }
    throw new IllegalStateException("run from inside the Newswire repository or set -Dnewswire.root");
  }

  /** {@code target/bench} of this module: where the reports go. */
  static Path reportDir() {
    return root().resolve("services/bench/target/bench");
  }

  static Path eval() {
    Path eval = root().resolveSibling("shared").resolve("eval");
    if (!Files.isDirectory(eval)) {
      throw new IllegalStateException("no eval set at " + eval + "; pass --articles and --rules");
    }
    return eval;
  }
}
