package io.newswire.common.security;

import io.newswire.model.ApiKeyFile.Role;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads the API key of a call from {@code Authorization: Bearer KEY} or {@code X-API-Key: KEY}
 * and hands it to {@link ApiKeyIdentityProvider}. A call without a key stays anonymous, so an
 * endpoint that asks for a role answers 401 with what to send.
 */
@ApplicationScoped
public class ApiKeyMechanism implements HttpAuthenticationMechanism {
  public static final String HEADER = "X-API-Key";
  static final String CHALLENGE = "Bearer realm=\"newswire\"";

  private final AuthConfig config;

  public ApiKeyMechanism(AuthConfig config) {
    this.config = config;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
    if (config.mode() == AuthConfig.Mode.OFF) {
      return Uni.createFrom().item(ApiKeyIdentityProvider.identity("anyone", Role.ADMIN, null));
    }
    String key = presented(context.request());
    if (key == null) {
      return Uni.createFrom().nullItem();
    }
    TokenAuthenticationRequest request = new TokenAuthenticationRequest(new TokenCredential(key, "api-key"));
    return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
  }

  static String presented(HttpServerRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String key = header.substring(7).trim();
      return key.isEmpty() ? null : key;
    }
    String key = request.getHeader(HEADER);
    return key == null || key.isBlank() ? null : key.trim();
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(TokenAuthenticationRequest.class);
  }

  @Override
  public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
    return Uni.createFrom().item(
        new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
  }
}
