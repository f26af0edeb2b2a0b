package io.newswire.embedded.child;

import java.util.Optional;

/**
 * Stops this child JVM when the process that started it is gone.
 *
 * <p>A parent killed with {@code kill -9} (or a crashed IDE test run) cannot stop its children, and
 * an orphaned server would keep the data directory locked and its ports bound until someone finds
 * it by hand. Polling is cheap and works on every OS, unlike prctl(PR_SET_PDEATHSIG). Shared by the
 * embedded Kafka broker and Elasticsearch node and by every service ({@code
 * io.newswire.common.ParentProcessWatch}); this module has no dependencies, so it adds nothing else
 * to their classpaths.
 */
public final class ParentWatch {

  private static final long POLL_MILLIS = 500;

  private ParentWatch() {}

  /** Starts a daemon thread that runs {@code shutdown} then halts once {@code parentPid} exits. */
  public static void start(long parentPid, Runnable shutdown) {
    watch(
        parentPid,
        () -> {
          System.err.println("parent process " + parentPid + " is gone; shutting down");
          try {
            shutdown.run();
          } finally {
            // halt, not exit: exit would run the shutdown hook, which repeats the shutdown
            Runtime.getRuntime().halt(0);
          }
        });
  }

  /**
   * Starts a daemon thread that runs {@code gone} once {@code parentPid} exits (at once if it is
   * not running): how the process stops is the caller's (a Quarkus service exits gracefully).
   */
  public static void watch(long parentPid, Runnable gone) {
    Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
    Thread watcher =
        new Thread(
            () -> {
              while (parent.map(ProcessHandle::isAlive).orElse(false)) {
                try {
                  Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                  return;
                }
              }
              gone.run();
            },
            "parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }
}
