package io.newswire.common.security;

import io.newswire.model.ApiKeyFile;
import io.newswire.model.ApiKeyFile.Entry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The keys this service accepts, read from {@link AuthConfig#keysFile()} and read again when the
 * file changes (looked at no more than once a second). A presented key is hashed and compared with
 * every entry in constant time, so neither the file nor the timing of a refusal tells anything
 * about a valid key. Keys and hashes are never logged, only key names.
 */
@ApplicationScoped
public class KeyRing {
  private static final Logger LOG = Logger.getLogger(KeyRing.class);
  private static final long RECHECK_NANOS = 1_000_000_000L;

  private final Path file;
  private volatile List<Entry> entries = List.of();
  private volatile String problem = "not read yet";
  private volatile Object stamp;
  private volatile long checkedAt = System.nanoTime() - RECHECK_NANOS;

  public KeyRing(AuthConfig config) {
    this.file = Path.of(config.keysFile()).toAbsolutePath();
  }

  /** The entry of the key presented, if it is one of ours. */
  public Optional<Entry> lookup(String key) {
    refresh();
    byte[] presented = ApiKeyFile.sha256(key).getBytes(StandardCharsets.US_ASCII);
    Entry found = null;
    for (Entry e : entries) {
      if (MessageDigest.isEqual(presented, e.sha256().getBytes(StandardCharsets.US_ASCII))
          && found == null) {
        found = e;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * Why no key can be accepted right now (missing or broken file), or null when keys are loaded.
   */
  public String problem() {
    refresh();
    return problem;
  }

  public Path file() {
    return file;
  }

  private void refresh() {
    long now = System.nanoTime();
    if (now - checkedAt < RECHECK_NANOS) {
      return;
    }
    synchronized (this) {
      if (now - checkedAt < RECHECK_NANOS) {
        return;
      }
      checkedAt = now;
      Object current;
      try {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        current = attrs.lastModifiedTime().toMillis() + "/" + attrs.size() + "/" + attrs.fileKey();
      } catch (IOException e) {
        current = "missing";
      }
      if (current.equals(stamp)) {
        return;
      }
      stamp = current;
      load();
    }
  }

  private void load() {
    try {
      if (!Files.exists(file)) {
        entries = List.of();
        problem =
            "no API keys: "
                + file
                + " does not exist (set newswire.auth.keys-file, or create a key"
                + " with ./newswire keys add)";
      } else {
        entries = List.copyOf(ApiKeyFile.read(file));
        problem =
            entries.isEmpty()
                ? "no API keys in " + file + " (create one with ./newswire keys add)"
                : null;
      }
    } catch (IOException | IllegalArgumentException e) {
      // keep no keys rather than the old ones: a revocation that broke the file must not be undone
      entries = List.of();
      problem = "API keys unreadable, every call refused: " + e.getMessage();
    }
    if (problem != null) {
      LOG.warn(problem);
    } else {
      LOG.infof(
          "API keys loaded from %s: %s",
          file, entries.stream().map(e -> e.name() + " (" + e.role().id() + ")").toList());
    }
  }
}
