package io.newswire.launcher;

import java.io.IOException;
import java.nio.file.Path;

/** The files a running stack and the launcher keep under the data directory. */
final class StackFiles {
  /** Everything the stack and the launcher create under the data directory, and nothing else. */
  private static final String[] OWNED = {
    // stack.properties: what the stack-only launcher of earlier versions wrote, wiped with the rest
    "kafka", "elasticsearch", "logs", "stack.properties", UpMain.UP_FILE
  };

  private StackFiles() {}

  /** Deletes only what the stack itself creates, never anything else under {@code dataDir}. */
  static void wipe(Path dataDir) throws IOException {
    for (String name : OWNED) {
      TempDirs.delete(dataDir.resolve(name));
    }
  }
}
