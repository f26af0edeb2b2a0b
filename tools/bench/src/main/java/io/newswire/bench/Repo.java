package io.newswire.bench;

import io.newswire.launcher.RepoLayout;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository and the shared eval set are, found from the working directory. */
final class Repo {
  private Repo() {}

  static Path root() {
    return RepoLayout.find().root();
  }

  /** {@code target/bench} of this module: where the reports go. */
  static Path reportDir() {
    return root().resolve("tools/bench/target/bench");
  }

  static Path eval() {
    Path eval = root().resolveSibling("shared").resolve("eval");
    if (!Files.isDirectory(eval)) {
      throw new IllegalStateException("no eval set at " + eval + "; pass --articles and --rules");
    }
    return eval;
  }
}
