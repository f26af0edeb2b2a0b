package io.newswire.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: OIDC bearer tokens as an option beside the API keys. The app is this module's security
 * beans with OIDC on against {@link LoopbackOidcProvider}; tokens carry their roles in {@code
 * realm_access.roles} as Keycloak's do, {@code newswire-readers} and {@code newswire-editors}
 * mapped by {@code newswire.auth.oidc.role-map}, {@code admin} by its own name.
 */
@QuarkusTest
@QuarkusTestResource(value = LoopbackOidcProvider.class, restrictToAnnotatedClass = true)
class OidcBearerTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/guarded")
  URI guarded;

  @ConfigProperty(name = "newswire.test.oidc-provider")
  String provider;

  @Test
  void aReaderTokenReadsAndIsRefusedAnEditorsCall() throws Exception {
    String token = token("sub=alice&roles=newswire-readers,offline_access");

    assertEquals("200 alice [reader]", call("GET", "read", "Authorization", "Bearer " + token));
    String refused = call("POST", "edit", "Authorization", "Bearer " + token);
    assertTrue(
        refused.startsWith(
            "403 Forbidden: this call needs the editor role and the OIDC token of 'alice'"
                + " has the reader role. Use a token with a provider role that newswire.auth.oidc.role-map maps"
                + " to editor"),
        refused);
  }

  @Test
  void rolesRankForTokensAsForKeys() throws Exception {
    String admin = token("sub=carol&roles=admin");
    assertEquals(
        "200 carol [admin, editor, reader]",
        call("POST", "edit", "Authorization", "Bearer " + admin));
    assertEquals(
        "200 carol [admin, editor, reader]",
        call("POST", "folder", "Authorization", "Bearer " + admin));

    String editor = token("sub=bob&roles=newswire-editors,newswire-readers");
    assertEquals(
        "200 bob [editor, reader]", call("GET", "read", "Authorization", "Bearer " + editor));
    String refused = call("POST", "folder", "Authorization", "Bearer " + editor);
    assertTrue(
        refused.startsWith(
            "403 a folder source needs the admin role; the OIDC token of 'bob' has the"
                + " editor role."),
        refused);
  }

  @Test
  void aTokenThatGrantsNoNewswireRoleIsForbidden() throws Exception {
    String refused =
        call("GET", "read", "Authorization", "Bearer " + token("sub=dave&roles=staff"));
    assertTrue(
        refused.startsWith(
            "403 Forbidden: this call needs the reader role and the OIDC token of 'dave'"
                + " grants no Newswire role."),
        refused);
  }

  @Test
  void anExpiredForgedOrForeignTokenIsRefusedWith401Json() throws Exception {
    for (String token :
        new String[] {
          token("sub=alice&roles=admin&expires-in=-600"),
          token("sub=mallory&roles=admin&signer=rogue"),
          "eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5In0.",
          "not-a-token"
        }) {
      String refused = call("GET", "read", "Authorization", "Bearer " + token);
      assertTrue(
          refused.startsWith(
              "401 Not authenticated: the access token was refused: expired, not signed by"
                  + " the provider at quarkus.oidc.auth-server-url"),
          token + ": " + refused);
      assertTrue(refused.contains("an access token of the OIDC provider"), refused);
    }
  }

  @Test
  void apiKeysWorkBesideTokens() throws Exception {
    assertEquals(
        "200 test-reader [reader]",
        call("GET", "read", "Authorization", "Bearer nwk_test-reader-key"));
    assertEquals(
        "200 test-editor [editor, reader]",
        call("POST", "edit", ApiKeyMechanism.HEADER, "nwk_test-editor-key"));
    assertEquals(
        "200 test-admin [admin, editor, reader]",
        call("POST", "folder", "Authorization", "Bearer nwk_test-admin-key"));
    assertTrue(
        call("POST", "edit", "Authorization", "Bearer nwk_test-reader-key")
            .startsWith(
                "403 Forbidden: this call needs the editor role and the key 'test-reader' has the reader role."
                    + " Use a key with that role"));
    // refused by the key ring, never handed to OIDC
    String unknown = call("GET", "read", "Authorization", "Bearer nwk_revoked-or-never-made");
    assertTrue(unknown.startsWith("401 Not authenticated: this API key is not valid"), unknown);
    String none = call("GET", "read", "X-Request-Id", "no-credentials");
    assertTrue(none.startsWith("401 This API needs a key: send the key as"), none);
  }

  private String token(String query) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(provider + "/test-token?" + query)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  /** "STATUS BODY", the body of an error reduced to its {"error": ...} text. */
  private String call(String method, String path, String header, String value) throws Exception {
    return call(HTTP, URI.create(guarded + "/" + path), method, header, value);
  }

  static String call(HttpClient http, URI uri, String method, String header, String value)
      throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header(header, value)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() < 400) {
      return response.statusCode() + " " + response.body();
    }
    assertEquals(
        "application/json",
        response.headers().firstValue("Content-Type").orElse("").split(";")[0],
        response.statusCode() + " " + response.body());
    return response.statusCode() + " " + JSON.readTree(response.body()).get("error").asText();
  }
}
