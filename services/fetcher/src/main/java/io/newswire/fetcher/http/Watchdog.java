package io.newswire.fetcher.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the body download: the socket timeout only covers the wait for each packet, so a server
 * that trickles a body slowly would otherwise hold a poll thread for ever. Aborting the request
 * from here (closing its socket) makes the blocked read return.
 */
final class Watchdog {
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "http-body-watchdog");
            t.setDaemon(true);
            return t;
          });

  private Watchdog() {}

  /** A stream that is closed once idle longer than {@code readTimeoutNanos} or past {@code deadlineNanos}. */
  static final class Guarded extends InputStream {
    private final InputStream raw;
    private final Runnable abort;
    private final long readTimeoutNanos;
    private final long deadlineNanos;
    private final ScheduledFuture<?> check;
    private volatile long lastProgress = System.nanoTime();
    private volatile String expired;

    /** @param abort closes the connection under {@code raw} without reading the rest of it */
    Guarded(InputStream raw, Runnable abort, long readTimeoutNanos, long deadlineNanos) {
      this.raw = raw;
      this.abort = abort;
      this.readTimeoutNanos = readTimeoutNanos;
      this.deadlineNanos = deadlineNanos;
      this.check = TIMER.scheduleWithFixedDelay(this::inspect, 50, 50, TimeUnit.MILLISECONDS);
    }

    private void inspect() {
      long now = System.nanoTime();
      if (now - deadlineNanos > 0) {
        expire("newswire.fetcher.total-timeout");
      } else if (now - lastProgress > readTimeoutNanos) {
        expire("newswire.fetcher.read-timeout");
      }
    }

    private void expire(String setting) {
      expired = setting;
      check.cancel(false);
      abort.run(); // the reader sees the expiry flag
    }

    /** The setting whose limit was hit, or null. */
    String expired() {
      return expired;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (expired != null) {
        throw new IOException("timed out (" + expired + ")");
      }
      int n = raw.read(b, off, len);
      if (expired != null) {
        throw new IOException("timed out (" + expired + ")");
      }
      if (n > 0) {
        lastProgress = System.nanoTime();
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      check.cancel(false);
      raw.close();
    }
  }
}
