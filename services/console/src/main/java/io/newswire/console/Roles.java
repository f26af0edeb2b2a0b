package io.newswire.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The role of each signed-in key, remembered for a minute so a page does not ask the indexer each
 * time; a key's role changed or revoked shows on its pages within that minute (its calls are
 * refused at once). Keys are held as SHA-256 hashes, at most {@link #MAX} of them.
 */
@ApplicationScoped
public class Roles {
  static final long TTL_MILLIS = 60_000;
  static final int MAX = 10_000;

  /** A key's name and role as the indexer gave them; both empty when it did not. */
  public record Caller(String name, String role) {
    static final Caller UNKNOWN = new Caller("", "");
  }

  private record Known(Caller caller, long at) {}

  private final Map<String, Known> known = new ConcurrentHashMap<>();

  Caller of(String key, Function<String, Caller> ask) {
    String hash = hash(key);
    long now = System.currentTimeMillis();
    Known k = known.get(hash);
    if (k != null && now - k.at() < TTL_MILLIS) {
      return k.caller();
    }
    Caller caller = ask.apply(key);
    if (caller != Caller.UNKNOWN) {
      if (known.size() >= MAX) {
        known.entrySet().removeIf(e -> now - e.getValue().at() >= TTL_MILLIS);
        if (known.size() >= MAX) {
          known.clear();
        }
      }
      known.put(hash, new Known(caller, now));
    }
    return caller;
  }

  private static String hash(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
