package io.newswire.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compose's Kibana import ({@code deploy/compose/kibana-setup.sh}) fails loudly when Kibana did not
 * import every object (issue 14): Kibana answers HTTP 200 with {@code "success": false} and an
 * {@code errors} list, and the script must exit non-zero with that answer printed rather than
 * report success on the status alone. The script runs for real under {@code /bin/sh}, with a
 * stand-in for curl that gives Kibana's answers from {@code src/test/resources/kibana}, written in
 * the shape of Kibana 9's import route.
 */
class KibanaSetupScriptTest {
  private static final Path SCRIPT =
      SeedScenario.repoRoot().resolve("deploy/compose/kibana-setup.sh");
  private static final Path OBJECTS =
      SeedScenario.repoRoot().resolve("deploy/kibana/newswire.ndjson");
  private static final String PASSWORD = "not-on-the-command-line";

  @TempDir Path dir;
  private Path log;

  record Run(int exit, String out, String err) {}

  @BeforeEach
  void fakeCurl() throws IOException {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path curl = bin.resolve("curl");
    try (InputStream in = KibanaSetupScriptTest.class.getResourceAsStream("/kibana/fake-curl")) {
      Files.copy(in, curl);
    }
    assertTrue(curl.toFile().setExecutable(true));
    log = dir.resolve("curl.log");
  }

  @Test
  void everyObjectImportedIsSuccess() throws Exception {
    Run run = run("200:import-success.json");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("imported 4 saved objects"), run.out());
    String calls = Files.readString(log);
    assertTrue(calls.contains("/api/saved_objects/_import?overwrite=true"), calls);
    assertTrue(calls.contains("file=@" + OBJECTS), calls);
    assertTrue(calls.contains("kbn-xsrf: true"), calls);
    // the password goes to curl on standard input, never as an argument other processes can read
    assertTrue(calls.contains("user = \"elastic:" + PASSWORD + "\""), calls);
    assertFalse(
        calls.lines().filter(l -> l.startsWith("call ")).anyMatch(l -> l.contains(PASSWORD)),
        calls);
  }

  @Test
  void successFalseWithErrorsFailsAndPrintsThem() throws Exception {
    Run run = run("200:import-missing-references.json");
    assertEquals(1, run.exit(), run.out());
    assertTrue(run.err().contains("0 of 4 imported"), run.err());
    assertTrue(
        run.err().contains("search newswire-latest: {\"type\":\"missing_references\""), run.err());
    assertTrue(run.err().contains("search newswire-russia: "), run.err());
    assertTrue(
        run.err().contains("\"success\":false"), "Kibana's answer itself is printed: " + run.err());
    assertEquals(1, calls(), "an answer is not retried");
  }

  @Test
  void anObjectFromANewerKibanaFailsWithKibanasReason() throws Exception {
    Run run = run("200:import-newer-version.json");
    assertEquals(1, run.exit(), run.out());
    assertTrue(run.err().contains("3 of 4 imported"), run.err());
    assertTrue(run.err().contains("dashboard newswire-dashboard: {\"statusCode\":400"), run.err());
    assertTrue(run.err().contains("belongs to a more recent version of Kibana"), run.err());
  }

  @Test
  void fewerObjectsImportedThanTheFileHoldsFails() throws Exception {
    Run run = run("200:import-partial.json");
    assertEquals(1, run.exit(), run.out());
    assertTrue(run.err().contains("3 of 4 imported"), run.err());
  }

  @Test
  void aRefusalFailsAtOnceWithItsBody() throws Exception {
    Run run = run("400:import-bad-request.json");
    assertEquals(1, run.exit(), run.out());
    assertTrue(run.err().contains("HTTP 400"), run.err());
    assertTrue(run.err().contains("Unexpected token"), run.err());
    assertEquals(1, calls(), "a 4xx is not retried");
  }

  @Test
  void kibanaNotReadyYetIsRetried() throws Exception {
    Run run = run("000:none 503:kibana-not-ready.json 200:import-success.json");
    assertEquals(0, run.exit(), run.err());
    assertEquals(3, calls());
  }

  @Test
  void kibanaNeverAnsweringFailsAfterTheTries() throws Exception {
    Run run = run("503:kibana-not-ready.json");
    assertEquals(1, run.exit(), run.out());
    assertTrue(run.err().contains("after 3 attempt(s) (last: HTTP 503)"), run.err());
    assertTrue(run.err().contains("License is not available"), run.err());
    assertEquals(3, calls());
  }

  /**
   * Runs the script; {@code replies} are the stand-in's answers in order, {@code STATUS:fixture}.
   */
  private Run run(String replies) throws Exception {
    StringBuilder resolved = new StringBuilder();
    for (String reply : replies.split(" ")) {
      String[] parts = reply.split(":", 2);
      Path fixture = dir.resolve(parts[1]);
      try (InputStream in =
          KibanaSetupScriptTest.class.getResourceAsStream("/kibana/" + parts[1])) {
        if (in != null && !Files.exists(fixture)) {
          Files.copy(in, fixture);
        }
      }
      resolved.append(resolved.isEmpty() ? "" : " ").append(parts[0]).append(':').append(fixture);
    }
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", SCRIPT.toString());
    Map<String, String> env = pb.environment();
    env.put("PATH", dir.resolve("bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("ELASTIC_PASSWORD", PASSWORD);
    env.put("KIBANA_OBJECTS", OBJECTS.toString());
    env.put("KIBANA_IMPORT_TRIES", "3");
    env.put("KIBANA_IMPORT_PAUSE", "0");
    env.put("FAKE_CURL_LOG", log.toString());
    env.put("FAKE_CURL_REPLIES", resolved.toString());
    pb.redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile());
    Process process = pb.start();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the script did not finish within 30 s");
    return new Run(
        process.exitValue(),
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  private int calls() throws IOException {
    return (int) Files.readString(log).lines().filter(l -> l.startsWith("call ")).count();
  }
}
