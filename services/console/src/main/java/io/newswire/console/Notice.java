package io.newswire.console;

import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What a form post did, told on the page it is redirected to (post-redirect-get): carried over the
 * 303 in a short-lived cookie of that page's path, shown once and cleared. A cookie rather than the
 * address, so that no link can make a page show a message the console did not write; HttpOnly and
 * SameSite=Strict like the {@link io.newswire.console.signin.KeyCookie}, and escaped by the
 * template like any other text.
 */
public final class Notice {
  public static final String NAME = "newswire_notice";

  /** Cookies past about 4 kB are dropped by browsers; a longer notice is cut. */
  static final int MAX_CHARS = 1500;

  private static final int SECONDS = 60;

  private Notice() {}

  /** The cookie that shows {@code text} on the next visit of {@code path}. */
  public static NewCookie of(String path, String text) {
    String kept = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "…" : text;
    String value =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(kept.getBytes(StandardCharsets.UTF_8));
    return builder(path).value(value).maxAge(SECONDS).build();
  }

  public static NewCookie cleared(String path) {
    return builder(path).value("").maxAge(0).build();
  }

  /** The text a {@link #of} cookie carries; empty when there is none or it is not one. */
  public static String read(String cookie) {
    if (cookie == null || cookie.isEmpty()) {
      return "";
    }
    try {
      return new String(Base64.getUrlDecoder().decode(cookie), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static NewCookie.Builder builder(String path) {
    return new NewCookie.Builder(NAME)
        .path(path)
        .httpOnly(true)
        .sameSite(NewCookie.SameSite.STRICT);
  }
}
