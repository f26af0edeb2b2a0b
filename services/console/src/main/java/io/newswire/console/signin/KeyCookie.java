package io.newswire.console.signin;

import jakarta.ws.rs.core.NewCookie;

/**
 * The cookie that carries a signed-in user's API key. HttpOnly, so no script on a page can read it;
 * SameSite=Strict, so no other site's form or link makes the browser send it. The console sends the
 * key on to the services as {@code Authorization: Bearer}; it never writes it to a page or the log.
 */
public final class KeyCookie {
  public static final String NAME = "newswire_key";

  /**
   * Cookie value characters (RFC 6265) keys are made of; anything else is not a key and is not set.
   */
  private static final String KEY_CHARS = "[A-Za-z0-9_\\-.~+/=]{1,512}";

  private KeyCookie() {}

  public static boolean looksLikeKey(String key) {
    return key != null && key.matches(KEY_CHARS);
  }

  /**
   * @param secure whether browsers send it over HTTPS only ({@code
   *     newswire.console.secure-cookie}): on for a console served through TLS, off on loopback,
   *     where plain HTTP is all there is
   */
  public static NewCookie of(String key, boolean secure) {
    return builder().value(key).secure(secure).build();
  }

  public static NewCookie cleared() {
    return builder().value("").maxAge(0).build();
  }

  private static NewCookie.Builder builder() {
    return new NewCookie.Builder(NAME).path("/").httpOnly(true).sameSite(NewCookie.SameSite.STRICT);
  }
}
