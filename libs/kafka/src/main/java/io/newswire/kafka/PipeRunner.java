package io.newswire.kafka;

import org.jboss.logging.Logger;

/** Runs a {@link TransactionalPipe} on its own thread and stops it within a few seconds. */
public final class PipeRunner implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(PipeRunner.class);

  private final TransactionalPipe pipe;
  private final Thread thread;

  public PipeRunner(TransactionalPipe pipe, String threadName) {
    this.pipe = pipe;
    this.thread = new Thread(pipe, threadName);
  }

  public PipeRunner start() {
    thread.start();
    return this;
  }

  public TransactionalPipe pipe() {
    return pipe;
  }

  @Override
  public void close() {
    pipe.close();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warnf("%s did not stop within 10 s", thread.getName());
    }
  }
}
