package io.newswire.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the built server modules are. The children run from the Maven build output ({@code
 * target/classes} plus the {@code target/classpath.txt} each module writes), so the stack needs the
 * repository root, not jars on its own classpath.
 */
public final class RepoLayout {

  /** System property naming the repository root; otherwise it is searched from the working dir. */
  static final String ROOT_PROPERTY = "newswire.root";

  private static final Path EMBEDDED = Path.of("deploy", "embedded");

  private final Path root;

  private RepoLayout(Path root) {
    this.root = root;
  }

  /** The layout of the repository at {@code root}, as the caller knows it. */
  public static RepoLayout at(Path root) {
    return new RepoLayout(root.toAbsolutePath().normalize());
  }

  /**
   * The repository: {@code -Dnewswire.root}, or the first folder holding {@code deploy/embedded}
   * above the working directory. The one lookup of the launcher, the benchmarks and the tests.
   *
   * @throws IllegalStateException when there is none, saying what to set
   */
  public static RepoLayout find() {
    String configured = System.getProperty(ROOT_PROPERTY);
    if (configured != null) {
      Path root = Path.of(configured).toAbsolutePath().normalize();
      if (!Files.isDirectory(root.resolve(EMBEDDED))) {
        throw new IllegalStateException(
            "-D"
                + ROOT_PROPERTY
                + "="
                + configured
                + " does not hold "
                + EMBEDDED
                + "; point it at the Newswire repository root");
      }
      return new RepoLayout(root);
    }
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(EMBEDDED))) {
        return new RepoLayout(dir);
      }
    }
    throw new IllegalStateException(
        "no "
            + EMBEDDED
            + " above "
            + start
            + "; run from inside the Newswire repository or set -D"
            + ROOT_PROPERTY
            + "=<repository root>");
  }

  public Path root() {
    return root;
  }

  /** The embedded Kafka broker's classpath, from its build output. */
  public String kafkaClasspath() {
    return classpath("kafka");
  }

  /** The embedded Elasticsearch node's classpath, from its build output. */
  public String elasticsearchClasspath() {
    return classpath("elasticsearch");
  }

  private String classpath(String module) {
    Path target = root.resolve(EMBEDDED).resolve(module).resolve("target");
    Path classes = target.resolve("classes");
    Path file = target.resolve("classpath.txt");
    if (!Files.isDirectory(classes) || !Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "the embedded "
              + module
              + " server is not built ("
              + file
              + " is missing); run `mvn -q"
              + " install -DskipTests` in "
              + root
              + " first");
    }
    try {
      return classes
          + java.io.File.pathSeparator
          + Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
