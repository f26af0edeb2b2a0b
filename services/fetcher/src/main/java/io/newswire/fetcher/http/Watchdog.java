package io.newswire.fetcher.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Aborts a request (closes its socket, which makes a blocked read return) when it must end but a
 * blocking read would not notice: past the total deadline, when the body goes idle longer than the
 * read timeout (the socket timeout only covers each packet, so a server trickling a body slowly
 * would otherwise hold a poll thread for ever), or when the polling thread is interrupted (a socket
 * read ignores interrupts; a source being closed, or its host handed to another instance, must not
 * wait for a slow server).
 */
final class Watchdog {
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "http-watchdog");
            t.setDaemon(true);
            return t;
          });

  private Watchdog() {}

  /**
   * Watches one request from its start to the end of its body; close it when the request is done.
   */
  static final class Watch implements AutoCloseable {
    static final String INTERRUPTED = "interrupted";

    private final Runnable abort;
    private final Thread owner = Thread.currentThread();
    private final long readTimeoutNanos;
    private final long deadlineNanos;
    private final ScheduledFuture<?> check;
    private volatile boolean reading;
    private volatile long lastProgress = System.nanoTime();
    private volatile String expired;

    /**
     * @param abort closes the request's connection without reading the rest of it
     */
    Watch(Runnable abort, long readTimeoutNanos, long deadlineNanos) {
      this.abort = abort;
      this.readTimeoutNanos = readTimeoutNanos;
      this.deadlineNanos = deadlineNanos;
      this.check = TIMER.scheduleWithFixedDelay(this::inspect, 50, 50, TimeUnit.MILLISECONDS);
    }

    private void inspect() {
      long now = System.nanoTime();
      if (owner.isInterrupted()) {
        expire(INTERRUPTED);
      } else if (now - deadlineNanos > 0) {
        expire("newswire.fetcher.total-timeout");
      } else if (reading && now - lastProgress > readTimeoutNanos) {
        expire("newswire.fetcher.read-timeout");
      }
    }

    private void expire(String why) {
      expired = why;
      check.cancel(false);
      abort.run(); // the reader sees the flag
    }

    /**
     * Why the request was aborted (the setting whose limit was hit, or {@link #INTERRUPTED}), or
     * null.
     */
    String expired() {
      return expired;
    }

    /** The body stream, counted as progress for the read timeout. */
    InputStream body(InputStream raw) {
      lastProgress = System.nanoTime();
      reading = true;
      return new InputStream() {
        @Override
        public int read() throws IOException {
          byte[] one = new byte[1];
          int n = read(one, 0, 1);
          return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          if (expired != null) {
            throw new IOException("aborted (" + expired + ")");
          }
          int n = raw.read(b, off, len);
          if (expired != null) {
            throw new IOException("aborted (" + expired + ")");
          }
          if (n > 0) {
            lastProgress = System.nanoTime();
          }
          return n;
        }

        @Override
        public void close() throws IOException {
          raw.close();
        }
      };
    }

    @Override
    public void close() {
      check.cancel(false);
    }
  }
}
