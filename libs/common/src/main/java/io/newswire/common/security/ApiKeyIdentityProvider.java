package io.newswire.common.security;

import io.newswire.model.ApiKeyFile.Entry;
import io.newswire.model.ApiKeyFile.Role;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Turns an API key into an identity named after the key, with its role and every role below it. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
  private final KeyRing keys;

  public ApiKeyIdentityProvider(KeyRing keys) {
    this.keys = keys;
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    if (!ApiKeyMechanism.CREDENTIAL_TYPE.equals(request.getToken().getType())) {
      return Uni.createFrom()
          .nullItem(); // an OIDC access token: Quarkus OIDC's identity provider takes it
    }
    // the key file is looked at (a stat, now and then a read): not on the event loop
    return context.runBlocking(
        () -> {
          Optional<Entry> entry = keys.lookup(request.getToken().getToken());
          if (entry.isEmpty()) {
            String problem = keys.problem();
            throw new AuthenticationFailedException(
                problem != null
                    ? problem
                    : "this API key is not valid: it was revoked, or it is not in "
                        + keys.file()
                        + " (newswire.auth.keys-file)");
          }
          return identity(entry.get().name(), entry.get().role(), request.getToken());
        });
  }

  static SecurityIdentity identity(String name, Role role, TokenCredential credential) {
    QuarkusSecurityIdentity.Builder builder =
        QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal(name))
            .addAttribute(Access.ROLE_ATTRIBUTE, role);
    for (Role r : Role.values()) {
      if (role.includes(r)) {
        builder.addRole(r.id());
      }
    }
    if (credential != null) {
      builder.addCredential(credential);
    }
    return builder.build();
  }
}
