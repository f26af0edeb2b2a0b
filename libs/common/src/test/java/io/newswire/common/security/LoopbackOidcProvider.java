package io.newswire.common.security;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * A tiny OpenID Connect provider on loopback: discovery, a JWKS with one RSA key made at start,
 * and, for the tests only, {@code GET
 * /test-token?sub=NAME&roles=A,B[&expires-in=SECONDS][&signer=rogue]} which returns an access token
 * for audience {@code newswire} with the roles in {@code realm_access.roles}, as Keycloak puts
 * them. {@code signer=rogue} signs with another key under the same key id: a forgery. {@code GET
 * /test-requests} tells how often discovery and the JWKS were asked for. Tokens come over HTTP
 * because the test and this resource are loaded by different class loaders and cannot share the key
 * in memory.
 *
 * <p>Init argument {@code enabled} ({@code true} by default) becomes {@code
 * newswire.auth.oidc.enabled}.
 */
public class LoopbackOidcProvider implements QuarkusTestResourceLifecycleManager {
  static final String CLIENT_ID = "newswire";
  private static final String KEY_ID = "loopback-1";

  private final AtomicInteger discoveries = new AtomicInteger();
  private final AtomicInteger jwksReads = new AtomicInteger();
  private HttpServer server;
  private RsaJsonWebKey key;
  private RsaJsonWebKey rogue;
  private String issuer;
  private boolean enabled = true;

  @Override
  public void init(Map<String, String> args) {
    enabled = Boolean.parseBoolean(args.getOrDefault("enabled", "true"));
  }

  @Override
  public Map<String, String> start() {
    try {
      key = RsaJwkGenerator.generateJwk(2048);
      key.setKeyId(KEY_ID);
      key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
      key.setUse("sig");
      rogue = RsaJwkGenerator.generateJwk(2048);
      rogue.setKeyId(KEY_ID);
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/newswire";
      server.createContext("/realms/newswire/.well-known/openid-configuration", this::discovery);
      server.createContext("/realms/newswire/protocol/openid-connect/certs", this::jwks);
      server.createContext("/test-token", this::token);
      server.createContext(
          "/test-requests",
          exchange ->
              send(
                  exchange,
                  200,
                  "{\"discovery\":" + discoveries.get() + ",\"jwks\":" + jwksReads.get() + "}"));
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
    Map<String, String> config = new HashMap<>();
    config.put("newswire.auth.oidc.enabled", String.valueOf(enabled));
    config.put("quarkus.oidc.auth-server-url", issuer);
    config.put("quarkus.oidc.client-id", CLIENT_ID);
    config.put("quarkus.oidc.token.audience", CLIENT_ID);
    config.put("quarkus.oidc.roles.role-claim-path", "realm_access/roles");
    config.put("newswire.auth.oidc.role-map.\"newswire-readers\"", "reader");
    config.put("newswire.auth.oidc.role-map.\"newswire-editors\"", "editor");
    config.put("newswire.test.oidc-provider", "http://127.0.0.1:" + server.getAddress().getPort());
    return config;
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private void discovery(HttpExchange exchange) throws IOException {
    discoveries.incrementAndGet();
    send(
        exchange,
        200,
        "{\"issuer\":\""
            + issuer
            + "\",\"jwks_uri\":\""
            + issuer
            + "/protocol/openid-connect/certs\",\"id_token_signing_alg_values_supported\":[\"RS256\"],"
            + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"]}");
  }

  private void jwks(HttpExchange exchange) throws IOException {
    jwksReads.incrementAndGet();
    send(exchange, 200, new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer);
    claims.setAudience(CLIENT_ID);
    claims.setSubject(query.get("sub"));
    claims.setClaim("preferred_username", query.get("sub"));
    claims.setClaim("azp", CLIENT_ID);
    claims.setIssuedAtToNow();
    claims.setExpirationTimeMinutesInTheFuture(
        Float.parseFloat(query.getOrDefault("expires-in", "300")) / 60f);
    List<String> roles =
        query.getOrDefault("roles", "").isEmpty()
            ? List.of()
            : Arrays.asList(query.get("roles").split(","));
    claims.setClaim("realm_access", Map.of("roles", roles));
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setKeyIdHeaderValue(KEY_ID);
    jws.setHeader("typ", "JWT");
    jws.setKey(("rogue".equals(query.get("signer")) ? rogue : key).getPrivateKey());
    try {
      send(exchange, 200, jws.getCompactSerialization());
    } catch (JoseException e) {
      send(exchange, 500, e.toString());
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    for (String pair : raw == null ? new String[0] : raw.split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
