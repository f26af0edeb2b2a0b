package io.newswire.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The API keys of a deployment, one per line: {@code NAME ROLE SHA256-HEX}. The file holds only the
 * SHA-256 of each key, so reading it does not reveal a key; the key itself is shown once when it is
 * created (and the launcher keeps the CLI's own in a separate file, mode 0600). Services re-read
 * the file when it changes, so keys are added and revoked without a restart. Only JDK classes here:
 * the launcher, the CLI and the services share this one reading of the format.
 */
public final class ApiKeyFile {
  /** What a key may do; each role includes the ones before it. */
  public enum Role {
    /** search, list rules, alerts and sources */
    READER,
    /** add, change and remove rules and feed/sitemap/page/site sources */
    EDITOR,
    /** everything, including folder sources, webhooks and dead-letter replay */
    ADMIN;

    /**
     * The name used in the file and in {@code @RolesAllowed}: {@code reader}, {@code editor},
     * {@code admin}.
     */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public boolean includes(Role other) {
      return compareTo(other) >= 0;
    }

    public static Role parse(String s) {
      for (Role r : values()) {
        if (r.id().equalsIgnoreCase(s == null ? "" : s.trim())) {
          return r;
        }
      }
      throw new IllegalArgumentException("unknown role '" + s + "': use reader, editor or admin");
    }
  }

  /** One key: who it is for, what it may do, and the SHA-256 of the key in hex. */
  public record Entry(String name, Role role, String sha256) {
    public Entry {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "a key name is 1 to 64 letters, digits, '.', '_' or '-', not '" + name + "'");
      }
    }
  }

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
  private static final String KEY_PREFIX = "nwk_";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String HEADER =
      "# Newswire API keys: NAME ROLE SHA-256-OF-KEY (hex), one per line. Roles: reader < editor < admin.\n"
          + "# Edit with ./newswire keys add|list|revoke; services pick up changes within a second.\n";

  private ApiKeyFile() {}

  /** A new random key: 256 bits, URL-safe, recognisable by its {@code nwk_} prefix. */
  public static String newKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String sha256(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /**
   * The first characters of a key, enough to tell keys apart in a message, never enough to use one.
   */
  public static String hint(String key) {
    return key.length() <= 10 ? "…" : key.substring(0, 10) + "…";
  }

  /**
   * The keys in the file; an empty list when it does not exist.
   *
   * @throws IllegalArgumentException naming the line that is not {@code NAME ROLE SHA256-HEX}
   */
  public static List<Entry> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<Entry> entries = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\\s+");
      if (fields.length != 3 || !HASH.matcher(fields[2]).matches()) {
        throw new IllegalArgumentException(
            file
                + " line "
                + (i + 1)
                + ": expected NAME ROLE SHA256-HEX (64 lower-case hex digits)");
      }
      try {
        entries.add(new Entry(fields[0], Role.parse(fields[1]), fields[2]));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return entries;
  }

  /**
   * Adds a key for {@code name} and returns it; the file keeps only its hash.
   *
   * @throws IllegalArgumentException when a key of that name exists
   */
  public static String add(Path file, String name, Role role) throws IOException {
    List<Entry> entries = new ArrayList<>(read(file));
    if (entries.stream().anyMatch(e -> e.name().equals(name))) {
      throw new IllegalArgumentException(
          "a key named '" + name + "' exists; revoke it first or pick another name");
    }
    String key = newKey();
    entries.add(new Entry(name, role, sha256(key)));
    write(file, entries);
    return key;
  }

  /** Removes the key of that name; false when there was none. */
  public static boolean revoke(Path file, String name) throws IOException {
    List<Entry> entries = new ArrayList<>(read(file));
    boolean removed = entries.removeIf(e -> e.name().equals(name));
    if (removed) {
      write(file, entries);
    }
    return removed;
  }

  /** Replaces the file in one step, readable and writable by its owner only. */
  public static void write(Path file, List<Entry> entries) throws IOException {
    StringBuilder text = new StringBuilder(HEADER);
    for (Entry e : entries) {
      text.append(e.name())
          .append(' ')
          .append(e.role().id())
          .append(' ')
          .append(e.sha256())
          .append('\n');
    }
    writeSecret(file, text.toString());
  }

  /**
   * Writes a file that only its owner may read (mode 0600 where the file system has POSIX modes),
   * replacing it atomically: the file is never readable by others, not even for a moment.
   */
  public static void writeSecret(Path file, String content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("another process is writing " + file + " (" + tmp + " exists)", e);
    }
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
