package io.newswire.fetcher;

import io.newswire.fetcher.source.DocumentSink;
import io.newswire.fetcher.source.RunningSource;
import io.newswire.fetcher.source.SourceDefinition;
import io.newswire.fetcher.source.SourceMonitor;
import io.newswire.fetcher.source.folder.FolderFiles;
import io.newswire.fetcher.source.folder.FolderSource;
import io.newswire.fetcher.state.SeenStore;
import java.nio.file.Path;

/** Builds the running form of each configured source. Plain Java: unit tests use it too. */
public final class SourceFactory {
  private final FetcherConfig config;
  private final DocumentSink sink;
  private final SeenStore seen;
  private final SourceMonitor monitor;

  public SourceFactory(FetcherConfig config, DocumentSink sink, SeenStore seen, SourceMonitor monitor) {
    this.config = config;
    this.sink = sink;
    this.seen = seen;
    this.monitor = monitor;
  }

  public RunningSource create(SourceDefinition d) {
    switch (d.type()) {
      case FOLDER:
        Path root = Path.of(d.path()).toAbsolutePath().normalize();
        FolderFiles files = new FolderFiles(d.name(), root, config.maxBodyBytes(), sink, seen, monitor);
        FolderSource folder =
            new FolderSource(d.name(), root, files, config.folderSettleTime(), config.folderRescanInterval());
        return new RunningSource() {
          @Override
          public void start() throws Exception {
            folder.start();
          }

          @Override
          public void close() {
            folder.close();
          }
        };
      default:
        throw new UnsupportedOperationException(d.type() + " sources are not supported yet");
    }
  }
}
