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
 * Reads the API key of a call from {@code Authorization: Bearer KEY} or {@code X-API-Key: KEY} and
 * hands it to {@link ApiKeyIdentityProvider}. A call without a key stays anonymous, so an endpoint
 * that asks for a role answers 401 with what to send.
 *
 * <p>With OIDC on ({@link AuthConfig.Oidc#enabled()}) both this and Quarkus OIDC read {@code
 * Authorization: Bearer}. Quarkus tries one mechanism after the other and stops at the first that
 * fails, so this one goes first and takes only values shaped like a key; anything else (a JWT) it
 * leaves to OIDC, and OIDC never gets a key to verify.
 */
@ApplicationScoped
public class ApiKeyMechanism implements HttpAuthenticationMechanism {
  public static final String HEADER = "X-API-Key";
  static final String CHALLENGE = "Bearer realm=\"newswire\"";

  /**
   * The type of the credential this mechanism makes, the only one {@link ApiKeyIdentityProvider}
   * reads.
   */
  static final String CREDENTIAL_TYPE = "api-key";

  /**
   * How every key starts: ApiKeyFile.newKey() and deploy/compose/newswire-setup.sh make them so.
   */
  static final String KEY_PREFIX = "nwk_";

  private final AuthConfig config;

  public ApiKeyMechanism(AuthConfig config) {
    this.config = config;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identities) {
    if (config.mode() == AuthConfig.Mode.OFF) {
      return Uni.createFrom().item(ApiKeyIdentityProvider.identity("anyone", Role.ADMIN, null));
    }
    String key = presented(context.request(), config.oidc().enabled());
    if (key == null) {
      return Uni.createFrom().nullItem();
    }
    TokenAuthenticationRequest request =
        new TokenAuthenticationRequest(new TokenCredential(key, CREDENTIAL_TYPE));
    return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
  }

  /**
   * The key sent, or null when there is none or, with {@code oidc} on, when the bearer value is not
   * shaped like a key (then it is OIDC's to verify, and the 401 when it fails is OIDC's).
   */
  static String presented(HttpServerRequest request, boolean oidc) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String key = header.substring(7).trim();
      return key.isEmpty() || (oidc && !isKey(key)) ? null : key;
    }
    String key = request.getHeader(HEADER);
    return key == null || key.isBlank() ? null : key.trim();
  }

  /**
   * Whether a bearer value is shaped like an API key, not like an OIDC token (a JWT starts {@code
   * eyJ}).
   */
  static boolean isKey(String bearer) {
    return bearer.startsWith(KEY_PREFIX);
  }

  /** Ahead of Quarkus OIDC's mechanism ({@code quarkus.oidc.priority}, 1001 by default). */
  @Override
  public int getPriority() {
    return DEFAULT_PRIORITY + 2;
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
    return Uni.createFrom()
        .item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
  }
}
