package io.newswire.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: OIDC on, and the provider unreachable (here a loopback port nobody listens on). The
 * service starts anyway, keys keep working, and a token gets 503 JSON naming the provider's URL.
 */
@QuarkusTest
@TestProfile(OidcProviderDownTest.Unreachable.class)
class OidcProviderDownTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  public static class Unreachable implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "newswire.auth.oidc.enabled",
          "true",
          "quarkus.oidc.auth-server-url",
          "http://127.0.0.1:" + freePort() + "/realms/newswire",
          "quarkus.oidc.connection-timeout",
          "2s");
    }

    private static int freePort() {
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress("127.0.0.1", 0));
        return socket.getLocalPort();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @TestHTTPResource("/guarded/read")
  URI read;

  @Test
  void keysWorkAndATokenGets503() throws Exception {
    assertEquals(
        "200 test-reader [reader]",
        OidcBearerTest.call(HTTP, read, "GET", "Authorization", "Bearer nwk_test-reader-key"));
    String refused =
        OidcBearerTest.call(
            HTTP,
            read,
            "GET",
            "Authorization",
            "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl");
    assertTrue(refused.startsWith("503 The OIDC provider at http://127.0.0.1:"), refused);
    assertTrue(refused.contains("(quarkus.oidc.auth-server-url) cannot be reached"), refused);
  }
}
