package io.newswire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.model.ApiKeyFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The CLI's commands as a user types them: every one has --help, and wrong usage exits 2 saying
 * why.
 */
class MainTest {
  @TempDir Path data;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream stdout;

  @BeforeEach
  void capture() {
    System.setProperty("newswire.up-file", data.resolve("up.properties").toString());
    stdout = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(stdout);
    System.clearProperty("newswire.up-file");
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    return cli.execute(args);
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyCommandHasHelp() {
    assertEquals(0, run("--help"));
    for (String command : new String[] {"search", "alerts", "sources", "dlq", "keys"}) {
      assertTrue(printed().contains(command), command + " listed in:\n" + printed());
    }
    String[][] commands = {
      {"search"},
      {"alerts", "add"},
      {"alerts", "update"},
      {"alerts", "tail"},
      {"sources", "add"},
      {"sources", "remove"},
      {"dlq", "replay"},
      {"keys", "add"},
      {"keys", "revoke"}
    };
    for (String[] command : commands) {
      out.reset();
      String[] withHelp = java.util.Arrays.copyOf(command, command.length + 1);
      withHelp[command.length] = "--help";
      assertEquals(0, run(withHelp), String.join(" ", withHelp));
      assertTrue(printed().startsWith("Usage: newswire " + String.join(" ", command)), printed());
    }
    out.reset();
    run("search", "--help");
    assertTrue(printed().contains("--newest") && printed().contains("--language"), printed());
  }

  @Test
  void wrongUsageExitsTwoAndSaysWhy() {
    assertEquals(2, run());
    assertEquals(2, run("search"));
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("QUERY"),
        err.toString(StandardCharsets.UTF_8));
    err.reset();
    assertEquals(2, run("alerts"));
    assertTrue(
        err.toString(StandardCharsets.UTF_8)
            .contains("alerts needs one of: add, list, update, remove, tail"),
        err.toString(StandardCharsets.UTF_8));
    assertEquals(2, run("alerts", "add", "--name", "x"), "--query is required");
    assertEquals(2, run("search", "NATO", "--size", "many"));
    assertEquals(2, run("frobnicate"));
    assertEquals(2, run("keys", "add", "--name", "alice", "--role", "overlord"));
  }

  @Test
  void keysAreAddedListedAndRevokedInTheDataFolder() throws Exception {
    assertEquals(0, run("keys", "add", "--name", "alice", "--role", "editor"));
    assertTrue(printed().contains("Key 'alice' (editor) added"), printed());
    assertEquals(1, ApiKeyFile.read(data.resolve("api-keys")).size());
    out.reset();
    assertEquals(0, run("keys"));
    assertTrue(printed().contains("alice") && printed().contains("editor"), printed());
    assertEquals(0, run("keys", "revoke", "alice"));
    assertEquals(0, ApiKeyFile.read(data.resolve("api-keys")).size());
    assertEquals(2, run("keys", "revoke", "alice"), "no such key");
  }
}
