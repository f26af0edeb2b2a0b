package io.newswire.console.signin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The sign-in cookie: Secure when the console is served through TLS, HttpOnly and SameSite=Strict
 * always.
 */
class KeyCookieTest {
  @Test
  void secureOnlyWhenAskedAndAlwaysOutOfScriptsReach() {
    var behindTls = KeyCookie.of("nwk_abc", true);
    var loopback = KeyCookie.of("nwk_abc", false);
    assertTrue(behindTls.isSecure() && behindTls.isHttpOnly());
    assertFalse(loopback.isSecure());
    assertTrue(loopback.isHttpOnly());
  }

  @Test
  void onlyKeyCharactersLookLikeAKey() {
    assertTrue(KeyCookie.looksLikeKey("nwk_Ab-9.~+/="));
    assertFalse(KeyCookie.looksLikeKey("nwk; Path=/evil"));
    assertFalse(KeyCookie.looksLikeKey(""));
  }
}
