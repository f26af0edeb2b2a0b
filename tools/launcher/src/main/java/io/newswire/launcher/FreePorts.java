package io.newswire.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks free loopback ports: the one port picker of the launcher, the benchmarks and the tests. A
 * port is only known to be free when it is checked, so another process may still take it before the
 * child binds it; the child then fails with "address in use" and its log says so. Ports handed out
 * once are never handed out again by this JVM, so parallel stacks in one test run do not collide
 * with each other.
 */
public final class FreePorts {

  private static final Set<Integer> GIVEN = new HashSet<>();

  private FreePorts() {}

  /** Any free port the OS offers. */
  public static synchronized int any() {
    for (int attempt = 0; attempt < 20; attempt++) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        if (GIVEN.add(socket.getLocalPort())) {
          return socket.getLocalPort();
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot open a loopback socket: " + e.getMessage(), e);
      }
    }
    throw new IllegalStateException("the OS kept offering ports this JVM already handed out");
  }

  /**
   * A free port in {@code [from, to]}, starting at a random offset so that stacks started at the
   * same moment by different processes rarely try the same one.
   */
  public static synchronized int inRange(int from, int to) {
    int size = to - from + 1;
    int offset = ThreadLocalRandom.current().nextInt(size);
    for (int i = 0; i < size; i++) {
      int port = from + (offset + i) % size;
      if (!GIVEN.contains(port) && isFree(port)) {
        GIVEN.add(port);
        return port;
      }
    }
    throw new IllegalStateException(
        "no free loopback port in "
            + from
            + ".."
            + to
            + "; stop other Elasticsearch nodes or stacks");
  }

  /** Whether nothing listens on {@code port} of the loopback address now. */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
