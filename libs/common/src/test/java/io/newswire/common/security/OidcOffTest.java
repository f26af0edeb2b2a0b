package io.newswire.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: with {@code newswire.auth.oidc.enabled=false} (the default) nothing changes, even with
 * a provider configured: the provider is never asked anything, a token is taken for a key and
 * refused as one, the keys work as before.
 */
@QuarkusTest
@QuarkusTestResource(
    value = LoopbackOidcProvider.class,
    restrictToAnnotatedClass = true,
    initArgs = @ResourceArg(name = "enabled", value = "false"))
class OidcOffTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TestHTTPResource("/guarded")
  URI guarded;

  @ConfigProperty(name = "newswire.test.oidc-provider")
  String provider;

  @Test
  void theProviderIsNeverAskedAndATokenIsRefusedAsAKey() throws Exception {
    String token = get(provider + "/test-token?sub=carol&roles=admin");

    String refused =
        OidcBearerTest.call(
            HTTP, URI.create(guarded + "/read"), "GET", "Authorization", "Bearer " + token);
    assertTrue(refused.startsWith("401 Not authenticated: this API key is not valid"), refused);
    assertFalse(refused.contains("OIDC"), refused);
    assertEquals(
        "200 test-reader [reader]",
        OidcBearerTest.call(
            HTTP,
            URI.create(guarded + "/read"),
            "GET",
            "Authorization",
            "Bearer nwk_test-reader-key"));
    assertEquals("{\"discovery\":0,\"jwks\":0}", get(provider + "/test-requests"));
  }

  private static String get(String uri) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
