package io.newswire.fetcher.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Re-reads the sources file when its modification time or size changes and then stays the same for
 * one more check, so a half-written file is not applied. A file that cannot be parsed is reported
 * and ignored: the sources already running keep running.
 */
public final class SourcesFileWatch implements Runnable {
  private static final Logger LOG = Logger.getLogger(SourcesFileWatch.class);

  private final Path file;
  private final Consumer<List<SourceDefinition>> onChange;
  private String lastStamp = "";
  private String candidate = "";

  public SourcesFileWatch(Path file, Consumer<List<SourceDefinition>> onChange) {
    this.file = file;
    this.onChange = onChange;
  }

  @Override
  public synchronized void run() {
    String stamp;
    try {
      stamp =
          Files.exists(file)
              ? Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file)
              : "missing";
    } catch (Exception e) {
      stamp = "unreadable";
    }
    if (stamp.equals(lastStamp)) {
      return;
    }
    boolean first = lastStamp.isEmpty();
    // an editor may be half-way through writing: apply a change once it held for one check
    if (!first && !stamp.equals(candidate)) {
      candidate = stamp;
      return;
    }
    lastStamp = stamp;
    if (stamp.equals("missing")) {
      LOG.warnf(
          "sources file %s does not exist (newswire.fetcher.sources-file); no sources configured",
          file.toAbsolutePath());
      if (!first) {
        onChange.accept(List.of());
      }
      return;
    }
    try {
      List<SourceDefinition> sources = SourcesFile.read(file);
      LOG.infof("sources file %s: %d source(s)", file, sources.size());
      onChange.accept(sources);
    } catch (Exception e) {
      LOG.errorf("sources file %s ignored, running sources unchanged: %s", file, e.getMessage());
    }
  }
}
