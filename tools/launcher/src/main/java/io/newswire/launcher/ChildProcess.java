package io.newswire.launcher;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A Java main running in its own JVM: started with a classpath, its output appended to a log file,
 * ready once it prints a line starting with a given prefix, and told the parent's pid so it can
 * stop itself if the parent dies without cleaning up.
 *
 * <p>Create one with {@link #java(String, String)}, configure the returned {@link Builder} and
 * {@link Builder#start() start} it; the builder can start the same command again after a kill.
 */
public final class ChildProcess implements AutoCloseable {

  /** How long {@link #close()} lets a child shut down cleanly before it is killed. */
  public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(15);

  private final Builder spec;
  private final Process process;
  private final OutputPump pump;
  private final long startNanos;

  private ChildProcess(Builder spec, Process process, OutputPump pump, long startNanos) {
    this.spec = spec;
    this.process = process;
    this.pump = pump;
    this.startNanos = startNanos;
  }

  /** Describes a child JVM that runs {@code mainClass}; {@code name} appears in messages. */
  public static Builder java(String name, String mainClass) {
    return new Builder(name, mainClass);
  }

  public String name() {
    return spec.name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path logFile() {
    return spec.logFile;
  }

  /** The builder this child was started from; {@code builder().start()} starts it again. */
  public Builder builder() {
    return spec;
  }

  /** Completes when the child exits, with its exit code. */
  public CompletableFuture<Integer> onExit() {
    return process.onExit().thenApply(Process::exitValue);
  }

  /** Time from start until the ready line, or null while not ready. */
  public Duration readyAfter() {
    long readyNanos = pump.readyNanos();
    return readyNanos == 0 ? null : Duration.ofNanos(readyNanos - startNanos);
  }

  /** The last lines the child printed, for error messages. */
  public String logTail() {
    return pump.tail();
  }

  /**
   * Waits for the ready line and returns what follows the prefix on it (for example the address the
   * child listens on).
   *
   * @throws IllegalStateException if the child exits first or is not ready within {@code timeout};
   *     the message holds the end of its log. The child is killed in the timeout case.
   */
  public String awaitReady(Duration timeout) throws InterruptedException {
    CompletableFuture<String> readyOrExit =
        pump.ready()
            .applyToEither(pump.drained().thenCombine(process.onExit(), (v, p) -> null), r -> r);
    String rest;
    try {
      rest = readyOrExit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      kill();
      throw new IllegalStateException(
          spec.name
              + " did not print '"
              + spec.readyPrefix
              + "' within "
              + timeout.toSeconds()
              + " s, so it was killed (raise the timeout if the machine is just slow). Last lines of "
              + spec.logFile
              + ":\n"
              + logTail());
    } catch (ExecutionException e) {
      throw new IllegalStateException(spec.name + " failed while starting", e.getCause());
    }
    if (rest == null) {
      throw new IllegalStateException(
          spec.name
              + " exited with code "
              + process.exitValue()
              + " before it was ready. Last lines of "
              + spec.logFile
              + ":\n"
              + logTail());
    }
    return rest;
  }

  /**
   * Asks the child to shut down (SIGTERM, so its shutdown hooks run), waits up to {@code grace},
   * then kills it.
   */
  public void stop(Duration grace) throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    // through the handle: Process.destroy() also closes our end of the child's output pipe, so
    // everything the child logs while shutting down would be lost
    process.toHandle().destroy();
    if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
    }
    awaitOutput();
  }

  /** Kills the child at once (SIGKILL on Unix), as a crash would, and waits until it is gone. */
  public void kill() throws InterruptedException {
    process.toHandle().destroyForcibly();
    process.waitFor();
    awaitOutput();
  }

  @Override
  public void close() throws InterruptedException {
    stop(DEFAULT_STOP_GRACE);
  }

  // so the log file holds the child's last words before anyone reads it
  private void awaitOutput() throws InterruptedException {
    try {
      pump.drained().get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // a grandchild may still hold the pipe open; the log is complete enough
    }
  }

  @Override
  public String toString() {
    return spec.name + " (pid " + process.pid() + ")";
  }

  /** What to run. Mutable while being configured; {@link #start()} may be called repeatedly. */
  public static final class Builder {
    private final String name;
    private final String mainClass;
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private String classpath = "";
    private Path logFile;
    private Path workingDir;
    private String readyPrefix;
    private boolean passParentPid = true;
    private Consumer<String> lineListener;

    private Builder(String name, String mainClass) {
      this.name = name;
      this.mainClass = mainClass;
    }

    public String name() {
      return name;
    }

    public Builder classpath(String classpath) {
      this.classpath = classpath;
      return this;
    }

    public Builder jvmArgs(String... jvmArgs) {
      this.jvmArgs.addAll(List.of(jvmArgs));
      return this;
    }

    public Builder args(String... args) {
      this.args.addAll(List.of(args));
      return this;
    }

    /** Output (stdout and stderr) is appended here; a header line marks each start. Required. */
    public Builder logFile(Path logFile) {
      this.logFile = logFile;
      return this;
    }

    public Builder workingDir(Path workingDir) {
      this.workingDir = workingDir;
      return this;
    }

    /** The line prefix that means "ready"; without one, {@link #awaitReady} waits for exit. */
    public Builder readyPrefix(String readyPrefix) {
      this.readyPrefix = readyPrefix;
      return this;
    }

    /**
     * Whether to append {@code --parent-pid <this JVM's pid>} to the arguments (default true): the
     * child is expected to stop itself when that process is gone.
     */
    public Builder passParentPid(boolean passParentPid) {
      this.passParentPid = passParentPid;
      return this;
    }

    /** Also receives every output line, on the thread that reads the child's output. */
    public Builder onLine(Consumer<String> lineListener) {
      this.lineListener = lineListener;
      return this;
    }

    /** The full command line, as it will be run. */
    public List<String> command() {
      List<String> command = new ArrayList<>();
      command.add(javaExecutable());
      command.addAll(jvmArgs);
      command.add("-cp");
      command.add(classpath);
      command.add(mainClass);
      command.addAll(args);
      if (passParentPid) {
        command.add("--parent-pid");
        command.add(String.valueOf(ProcessHandle.current().pid()));
      }
      return command;
    }

    /** Starts the child and waits for its ready line; a child that fails to get ready is killed. */
    public ChildProcess startReady(Duration timeout) throws IOException, InterruptedException {
      ChildProcess child = start();
      try {
        child.awaitReady(timeout);
        return child;
      } catch (RuntimeException | InterruptedException e) {
        child.kill();
        throw e;
      }
    }

    public ChildProcess start() throws IOException {
      if (logFile == null) {
        throw new IllegalStateException("no log file set for " + name + "; call logFile(Path)");
      }
      Files.createDirectories(logFile.toAbsolutePath().getParent());
      List<String> command = command();
      Writer log =
          Files.newBufferedWriter(
              logFile,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
      log.write(
          "=== "
              + LocalDateTime.now()
              + " starting "
              + name
              + ": "
              + String.join(" ", command)
              + "\n");
      log.flush();
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      long startNanos = System.nanoTime();
      if (workingDir != null) {
        pb.directory(workingDir.toFile());
      }
      Process process;
      try {
        process = pb.start();
      } catch (IOException e) {
        log.close();
        throw new IOException(
            "could not start " + name + " with " + command.get(0) + ": " + e.getMessage(), e);
      }
      OutputPump pump = new OutputPump(process.getInputStream(), log, readyPrefix, lineListener);
      Thread reader = new Thread(pump, name + "-output");
      reader.setDaemon(true);
      reader.start();
      return new ChildProcess(this, process, pump, startNanos);
    }

    /** The JVM running this code: children then get the same Java version the build used. */
    private static String javaExecutable() {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      if (Files.isExecutable(java)) {
        return java.toString();
      }
      return ProcessHandle.current().info().command().orElse("java");
    }
  }
}
