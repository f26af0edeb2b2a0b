package io.newswire.fetcher.source;

/** A started source: a watched folder or a polled URL. */
public interface RunningSource extends AutoCloseable {

  void start() throws Exception;

  @Override
  void close();
}
