package io.newswire.embedded.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A child JVM's command line: the options filled in, a wrong one named with the usage beside it.
 */
class CommandLinesTest {
  @Command(name = "ServerMain")
  static final class Spec {
    @Option(
        names = {"-h", "--help"},
        usageHelp = true)
    boolean help;

    @Option(names = "--port", required = true, paramLabel = "P")
    int port;

    @Option(names = "--parent-pid")
    Long parentPid;
  }

  @Test
  void optionsAreFilledIn() {
    Spec spec = CommandLines.parse(new Spec(), new String[] {"--port", "9092"});
    assertEquals(9092, spec.port);
    assertNull(spec.parentPid);
    assertEquals(
        42L,
        CommandLines.parse(new Spec(), new String[] {"--port", "1", "--parent-pid", "42"})
            .parentPid);
  }

  @Test
  void aWrongOrMissingArgumentIsNamedWithTheUsage() {
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class, () -> CommandLines.parse(new Spec(), new String[] {}));
    assertTrue(
        missing.getMessage().contains("--port")
            && missing.getMessage().contains("Usage: ServerMain"),
        missing.getMessage());
    IllegalArgumentException notANumber =
        assertThrows(
            IllegalArgumentException.class,
            () -> CommandLines.parse(new Spec(), new String[] {"--port", "ninety"}));
    assertTrue(notANumber.getMessage().contains("ninety"), notANumber.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> CommandLines.parse(new Spec(), new String[] {"--port", "1", "--colour", "red"}));
  }
}
