package io.newswire.fetcher.source.folder;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Watches a folder recursively: the OS watch service says quickly that a file appeared or changed,
 * a periodic rescan catches what it dropped (overflow, network file systems). A file is read only
 * once its size and modification time stopped changing for the settle time, so a half-written file
 * is not taken for the whole report. Hidden files and folders (names starting with a dot) are not
 * read, and symbolic links are not followed: a folder source reads what is in its folder, not what
 * a link in it points to.
 */
public final class FolderSource implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(FolderSource.class);
  private static final long CHECK_EVERY_MILLIS = 50;

  /** Files published at once; their documents share a transaction of the sink. */
  private static final int PUBLISH_THREADS = 8;

  private final String name;
  private final Path root;
  private final FolderFiles files;
  private final Duration settle;
  private final Duration rescan;
  private final Map<Path, Observation> pending = new ConcurrentHashMap<>();
  private final Map<Path, Stamp> processed = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler;
  private final ExecutorService publishers;
  private final java.util.Set<Path> inFlight = ConcurrentHashMap.newKeySet();
  private WatchService watcher;
  private Thread watchThread;

  private record Stamp(long size, long modified) {}

  private record Observation(Stamp stamp, long stableSinceNanos) {}

  public FolderSource(String name, Path root, FolderFiles files, Duration settle, Duration rescan) {
    this.name = name;
    this.root = root.toAbsolutePath().normalize();
    this.files = files;
    this.settle = settle;
    this.rescan = rescan;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "folder-" + name);
              t.setDaemon(true);
              return t;
            });
    this.publishers =
        Executors.newFixedThreadPool(
            PUBLISH_THREADS,
            r -> {
              Thread t = new Thread(r, "folder-" + name + "-publish");
              t.setDaemon(true);
              return t;
            });
  }

  public void start() throws IOException {
    Files.createDirectories(root);
    watcher = FileSystems.getDefault().newWatchService();
    registerTree(root);
    scanTree(root);
    watchThread = new Thread(this::watchLoop, "folder-watch-" + name);
    watchThread.setDaemon(true);
    watchThread.start();
    scheduler.scheduleWithFixedDelay(
        this::checkPending, 0, CHECK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(
        this::rescan, rescan.toMillis(), rescan.toMillis(), TimeUnit.MILLISECONDS);
    LOG.infof("source %s: watching %s", name, root);
  }

  private void watchLoop() {
    while (true) {
      WatchKey key;
      try {
        key = watcher.take();
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      }
      Path dir = (Path) key.watchable();
      for (WatchEvent<?> event : key.pollEvents()) {
        if (event.kind() == OVERFLOW) {
          scanTree(root);
          continue;
        }
        Path child = dir.resolve((Path) event.context());
        if (!visible(root, child)) {
          continue;
        }
        if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
          if (event.kind() == ENTRY_CREATE) {
            registerTree(child);
            scanTree(child);
          }
        } else if (FolderFiles.accepts(child)) {
          pending.putIfAbsent(child, new Observation(null, 0));
        }
      }
      key.reset();
    }
  }

  private void registerTree(Path dir) {
    walk(
        dir,
        d -> {
          try {
            d.register(watcher, ENTRY_CREATE, ENTRY_MODIFY);
          } catch (IOException e) {
            LOG.warnf("source %s: cannot watch %s (%s); the rescan still covers it", name, d, e);
          }
        },
        null);
  }

  /**
   * The safety net; it also forgets deleted files, so what is kept stays bounded by the files there
   * are.
   */
  private void rescan() {
    processed.keySet().removeIf(file -> !Files.exists(file, LinkOption.NOFOLLOW_LINKS));
    scanTree(root);
  }

  private void scanTree(Path dir) {
    walk(
        dir,
        null,
        (p, attrs) -> {
          if (FolderFiles.accepts(p)) {
            Stamp stamp = new Stamp(attrs.size(), attrs.lastModifiedTime().toMillis());
            if (!stamp.equals(processed.get(p))) {
              pending.putIfAbsent(p, new Observation(null, 0));
            }
          }
        });
  }

  /**
   * Visits the visible folders and regular files under {@code dir}, never through a symbolic link
   * (a link is neither a folder nor a regular file to this walk) and never into a hidden folder.
   */
  private void walk(
      Path dir,
      java.util.function.Consumer<Path> folders,
      java.util.function.BiConsumer<Path, BasicFileAttributes> regularFiles) {
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              if (!visible(root, d)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              if (folders != null) {
                folders.accept(d);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (regularFiles != null && attrs.isRegularFile() && visible(root, file)) {
                regularFiles.accept(file, attrs);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              LOG.debugf("source %s: cannot read %s: %s", name, file, e);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException | RuntimeException e) {
      LOG.warnf("source %s: cannot list %s: %s", name, dir, e);
    }
  }

  /**
   * False for a path under {@code root} of which a part (folder or file name) starts with a dot.
   */
  static boolean visible(Path root, Path path) {
    for (Path part : root.relativize(path)) {
      if (part.toString().startsWith(".")) {
        return false;
      }
    }
    return true;
  }

  private void checkPending() {
    long now = System.nanoTime();
    List<Map.Entry<Path, Stamp>> ready = new ArrayList<>();
    for (var entry : pending.entrySet()) {
      Path file = entry.getKey();
      Stamp stamp = stamp(file);
      if (stamp == null) {
        pending.remove(file);
        continue;
      }
      Observation seen = entry.getValue();
      if (!stamp.equals(seen.stamp())) {
        pending.put(file, new Observation(stamp, now));
      } else if (now - seen.stableSinceNanos() >= settle.toNanos()) {
        pending.remove(file);
        if (!stamp.equals(processed.get(file))) {
          ready.add(Map.entry(file, stamp));
        }
      }
    }
    for (var file : ready) {
      // not waited for: files in flight together share one transaction of the sink, so a burst
      // of reports is not published at one commit's latency each
      if (inFlight.add(file.getKey())) {
        publishers.execute(
            () -> {
              try {
                process(file.getKey(), file.getValue());
              } finally {
                inFlight.remove(file.getKey());
              }
            });
      } else {
        pending.putIfAbsent(file.getKey(), new Observation(null, 0));
      }
    }
  }

  private void process(Path file, Stamp stamp) {
    try {
      files.process(file);
      processed.put(file, stamp);
    } catch (RuntimeException e) {
      // e.g. the broker is unreachable: keep the file pending and try again
      LOG.errorf(e, "source %s: could not publish %s; retrying", name, file);
      pending.put(file, new Observation(null, 0));
    } catch (Error e) {
      // a StackOverflowError or OutOfMemoryError on one file: recorded, and the watch goes on; not
      // retried at once (it would likely fail again), but when the file changes or at the next
      // rescan
      LOG.errorf(e, "source %s: reading %s failed", name, file);
      files.failed(file, e);
    }
  }

  private static Stamp stamp(Path file) {
    try {
      BasicFileAttributes attrs =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return attrs.isRegularFile()
          ? new Stamp(attrs.size(), attrs.lastModifiedTime().toMillis())
          : null;
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    publishers.shutdownNow();
    try {
      if (watcher != null) {
        watcher.close();
      }
    } catch (IOException e) {
      LOG.debugf("closing watch service of %s: %s", name, e);
    }
  }
}
