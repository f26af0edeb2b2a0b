package io.newswire.console.signin;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where to go after signing in. Only a path on this console is followed: {@code
 * ?next=https://evil.example} or {@code //evil.example} in a sign-in link someone sends would
 * otherwise make the console an open redirect right after the user typed their key.
 */
public final class NextPath {
  public static final String HOME = "/";
  private static final int MAX_LENGTH = 2000;

  private NextPath() {}

  /** {@code next} when it is a same-origin relative path, else {@link #HOME}. */
  public static String safe(String next) {
    if (next == null || next.isEmpty() || next.length() > MAX_LENGTH || next.charAt(0) != '/') {
      return HOME;
    }
    // "//host" is a network-path reference, and browsers read "/\host" like it
    if (next.startsWith("//") || next.indexOf('\\') >= 0) {
      return HOME;
    }
    for (int i = 0; i < next.length(); i++) {
      char c = next.charAt(i);
      // browsers drop tab and newline from URLs, so "/\t/host" would become "//host"
      if (c < 0x20 || c == 0x7f) {
        return HOME;
      }
    }
    try {
      URI uri = new URI(next);
      return uri.getScheme() == null && uri.getRawAuthority() == null ? next : HOME;
    } catch (URISyntaxException e) {
      return HOME;
    }
  }

  /** The sign-in page's address that comes back to {@code next} afterwards. */
  public static String signinFor(String next) {
    String safe = safe(next);
    return HOME.equals(safe)
        ? "/signin"
        : "/signin?next=" + URLEncoder.encode(safe, StandardCharsets.UTF_8);
  }
}
