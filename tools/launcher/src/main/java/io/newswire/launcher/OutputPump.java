package io.newswire.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Copies a child's output to its log file line by line, keeps the last lines for error messages and
 * completes {@link #ready()} with the rest of the first line that starts with the ready prefix.
 * Reading continuously also matters on its own: a child whose pipe fills up blocks.
 */
final class OutputPump implements Runnable {

  static final int TAIL_LINES = 40;

  private final InputStream in;
  private final Writer log;
  private final String readyPrefix;
  private final Consumer<String> lineListener;
  private final Deque<String> tail = new ArrayDeque<>();
  private final CompletableFuture<String> ready = new CompletableFuture<>();
  private final CompletableFuture<Void> drained = new CompletableFuture<>();
  private volatile long readyNanos;

  OutputPump(InputStream in, Writer log, String readyPrefix, Consumer<String> lineListener) {
    this.in = in;
    this.log = log;
    this.readyPrefix = readyPrefix;
    this.lineListener = lineListener;
  }

  /** Completes with the text after the ready prefix; never completes if the child dies first. */
  CompletableFuture<String> ready() {
    return ready;
  }

  /** Completes once the child closed its output, i.e. it exited. */
  CompletableFuture<Void> drained() {
    return drained;
  }

  /** {@link System#nanoTime()} when the ready line was read, or 0 before that. */
  long readyNanos() {
    return readyNanos;
  }

  synchronized String tail() {
    return String.join("\n", tail);
  }

  @Override
  public void run() {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        remember(line);
        write(line);
        if (!ready.isDone() && readyPrefix != null && line.startsWith(readyPrefix)) {
          readyNanos = System.nanoTime();
          ready.complete(line.substring(readyPrefix.length()).trim());
        }
        if (lineListener != null) {
          lineListener.accept(line);
        }
      }
    } catch (IOException e) {
      // the pipe breaks when the child is killed; the exit code tells the rest
    } finally {
      try {
        log.close();
      } catch (IOException ignored) {
        // nothing left to report it to
      }
      drained.complete(null);
    }
  }

  private synchronized void remember(String line) {
    if (tail.size() == TAIL_LINES) {
      tail.removeFirst();
    }
    tail.addLast(line);
  }

  private void write(String line) {
    try {
      log.write(line);
      log.write('\n');
      // flushed per line so `tail -f` and a post-mortem see everything up to a crash
      log.flush();
    } catch (IOException e) {
      // a full disk must not stall the child: keep draining its pipe without logging
    }
  }
}
