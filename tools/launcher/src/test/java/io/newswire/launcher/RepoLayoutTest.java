package io.newswire.launcher;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The message a user sees before the servers are built must say what to run. */
class RepoLayoutTest {

  @TempDir Path root;

  @AfterEach
  void clearProperty() {
    System.clearProperty(RepoLayout.ROOT_PROPERTY);
  }

  @Test
  void unbuiltServerNamesTheBuildCommand() throws Exception {
    Files.createDirectories(root.resolve("deploy/embedded/kafka"));
    System.setProperty(RepoLayout.ROOT_PROPERTY, root.toString());

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> RepoLayout.find().kafkaClasspath());

    assertTrue(e.getMessage().contains("mvn -q install -DskipTests"), e.getMessage());
    assertTrue(e.getMessage().contains("classpath.txt"), e.getMessage());
  }

  @Test
  void wrongRootSaysWhatItExpected() {
    System.setProperty(RepoLayout.ROOT_PROPERTY, root.toString());

    IllegalStateException e = assertThrows(IllegalStateException.class, RepoLayout::find);

    assertTrue(e.getMessage().contains("deploy/embedded"), e.getMessage());
  }
}
