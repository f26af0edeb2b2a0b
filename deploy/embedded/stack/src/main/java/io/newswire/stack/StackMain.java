package io.newswire.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded stack until Ctrl-C or SIGTERM:
 * {@code StackMain --data DIR [--fresh]}. Writes {@code DIR/stack.properties} with
 * {@code kafka.bootstrap.servers} and {@code elasticsearch.url} for other processes (the
 * services, the CLI) and deletes it again on shutdown, so its presence means "running".
 */
public final class StackMain {

  public static final String PROPERTIES_FILE = "stack.properties";

  /** Set once shutdown begins, so children exiting on our request are not reported as crashes. */
  private static volatile boolean stopping;

  private StackMain() {}

  public static void main(String[] argv) throws Exception {
    Path dataDir = null;
    boolean fresh = false;
    for (int i = 0; i < argv.length; i++) {
      switch (argv[i]) {
        case "--data" -> dataDir = i + 1 < argv.length ? Path.of(argv[++i]) : null;
        case "--fresh" -> fresh = true;
        default -> usage("unexpected argument '" + argv[i] + "'");
      }
    }
    if (dataDir == null) {
      usage("missing --data DIR");
    }
    dataDir = dataDir.toAbsolutePath().normalize();
    if (fresh) {
      StackFiles.wipe(dataDir);
    }
    Path propertiesFile = dataDir.resolve(PROPERTIES_FILE);

    EmbeddedStack stack;
    try {
      stack = EmbeddedStack.start(dataDir, message -> System.out.println("  " + message));
    } catch (RuntimeException e) {
      System.err.println("The embedded stack did not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopping = true;
                  System.out.println("stopping the embedded stack...");
                  TempDirs.deleteQuietly(propertiesFile);
                  stack.close();
                  stopped.countDown();
                },
                "stack-shutdown"));
    writeProperties(stack, propertiesFile);
    System.out.println("Embedded stack is running (data in " + dataDir + ")");
    System.out.println("  kafka.bootstrap.servers=" + stack.bootstrapServers());
    System.out.println("  elasticsearch.url=" + stack.elasticsearchUrl());
    System.out.println("  connection settings: " + propertiesFile);
    System.out.println("  logs: " + dataDir.resolve("logs"));
    System.out.println("Press Ctrl-C to stop.");

    // A server that dies on its own leaves the stack useless: say which one and where its log is.
    ChildProcess kafka = stack.kafkaProcess();
    ChildProcess elasticsearch = stack.elasticsearchProcess();
    kafka.onExit().thenAccept(code -> died(kafka, code));
    elasticsearch.onExit().thenAccept(code -> died(elasticsearch, code));
    stopped.await();
  }

  private static void died(ChildProcess child, int code) {
    // Ctrl-C in a terminal reaches the children too, and they may exit before this JVM has
    // started its own shutdown: give that a moment before calling it a crash.
    try {
      Thread.sleep(2000);
    } catch (InterruptedException e) {
      return;
    }
    if (stopping) {
      return;
    }
    System.err.println(
        child.name() + " exited unexpectedly with code " + code + "; see " + child.logFile()
            + ". Stopping the stack.\n" + child.logTail());
    System.exit(1);
  }

  /**
   * Plain {@code key=value} lines, without the escaping of {@link java.util.Properties#store}
   * (which writes {@code http\://}), so shell scripts can read them too; Properties.load reads
   * them just the same.
   */
  static void writeProperties(EmbeddedStack stack, Path file) throws IOException {
    String text =
        "# Newswire embedded stack; deleted when the stack stops\n"
            + "kafka.bootstrap.servers=" + stack.bootstrapServers() + "\n"
            + "elasticsearch.url=" + stack.elasticsearchUrl() + "\n"
            + "pid=" + ProcessHandle.current().pid() + "\n";
    // written aside and moved, so a reader never sees a half-written file
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void usage(String problem) {
    System.err.println(problem + "\nusage: StackMain --data DIR [--fresh]");
    System.exit(2);
  }
}
