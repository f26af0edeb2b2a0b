package io.newswire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.model.ApiKeyFile;
import io.newswire.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream stdout;
  private PrintStream systemErr;

  @BeforeEach
  void capture() {
    System.setProperty("newswire.up-file", data.resolve("up.properties").toString());
    stdout = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    systemErr = System.err;
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(stdout);
    System.setErr(systemErr);
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
    for (String command : new String[] {"search", "alerts", "sources", "dlq", "keys", "clean"}) {
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
      {"keys", "revoke"},
      {"clean"}
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
    err.reset();
    assertEquals(2, run("clean", "--input", data.resolve("nowhere").toString(), "--output", "x"));
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("--input is not a folder"),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void cleanWritesEachPageAndNamesTheOnesItCouldNotClean() throws Exception {
    Path pages = Files.createDirectories(data.resolve("pages"));
    String paragraph =
        "<p>The council met on Tuesday to discuss the new bridge over the river, which has been"
            + " closed since the spring floods damaged its northern pier, and voted to rebuild"
            + " it.</p>";
    Files.writeString(
        pages.resolve("bridge.html"),
        "<html><head><title>Bridge to be rebuilt</title></head><body><nav><a href=/>Home</a>"
            + "</nav><article>"
            + paragraph.repeat(3)
            + "</article><footer>Copyright 2024 Example News</footer></body></html>");
    Files.writeString(
        pages.resolve("report.txt"),
        "Bridge to be rebuilt\n\nThe council met on Tuesday to discuss the new bridge over the"
            + " river, and voted to rebuild it before the winter.\n");
    Files.writeString(pages.resolve("empty.html"), "   ");
    Files.writeString(pages.resolve("notes.md"), "not a page");
    Path result = data.resolve("clean.json");

    int status = run("clean", "--input", pages.toString(), "--output", result.toString());

    assertEquals(1, status, "one file could not be cleaned");
    JsonNode json = Json.mapper().readTree(result.toFile());
    assertEquals(2, json.size(), json.toString());
    String body = json.path("bridge").path("articleBody").asText();
    assertTrue(body.startsWith("The council met on Tuesday"), body);
    assertFalse(body.contains("Home") || body.contains("Copyright"), body);
    assertEquals("Bridge to be rebuilt", json.path("bridge").path("title").asText());
    assertTrue(
        json.path("report").path("articleBody").asText().contains("voted to rebuild it"),
        json.toString());
    String log = new String(stderr.toByteArray(), StandardCharsets.UTF_8);
    assertTrue(log.contains("empty.html: failed:"), log);
    assertTrue(log.contains("cleaned 2 files"), log);
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
