package io.newswire.common.security;

import io.newswire.model.ApiKeyFile.Role;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Gives an identity made from an OIDC access token the Newswire roles its provider roles grant
 * ({@link AuthConfig.Oidc#roleMap()}), ranked as a key's are: the highest role granted and every
 * role below it. The provider's own role names are dropped, so a provider role called {@code admin}
 * that is mapped to {@code reader} grants reader only.
 */
@ApplicationScoped
public class OidcRoles implements SecurityIdentityAugmentor {
  private final AuthConfig.Oidc config;

  public OidcRoles(AuthConfig config) {
    this.config = config.oidc();
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (identity.isAnonymous() || identity.getCredential(AccessTokenCredential.class) == null) {
      return Uni.createFrom().item(identity); // an API key's identity has its roles already
    }
    QuarkusSecurityIdentity.Builder builder =
        QuarkusSecurityIdentity.builder()
            .setPrincipal(identity.getPrincipal())
            .addCredentials(identity.getCredentials())
            .addAttributes(identity.getAttributes())
            .addPermissionChecker(identity::checkPermission);
    Role granted = granted(identity.getRoles(), config.roleMap());
    if (granted != null) {
      builder.addAttribute(Access.ROLE_ATTRIBUTE, granted);
      for (Role r : Role.values()) {
        if (granted.includes(r)) {
          builder.addRole(r.id());
        }
      }
    }
    return Uni.createFrom().item(builder.build());
  }

  /** The highest Newswire role that any of {@code providerRoles} grants, or null when none does. */
  static Role granted(Set<String> providerRoles, Map<String, Role> map) {
    Role highest = null;
    for (String name : providerRoles) {
      Role role = map.containsKey(name) ? map.get(name) : own(name);
      if (role != null && (highest == null || role.includes(highest))) {
        highest = role;
      }
    }
    return highest;
  }

  private static Role own(String name) {
    for (Role r : Role.values()) {
      if (r.id().equals(name)) {
        return r;
      }
    }
    return null;
  }

  /**
   * Refuses to start on settings that would silently not do what they say: OIDC asked for but
   * Quarkus OIDC off or without a provider, or Quarkus OIDC on behind Newswire's back (the API-key
   * mechanism would then take every bearer token for a key and refuse it).
   */
  void check(@Observes StartupEvent event) {
    boolean tenant = setting("quarkus.oidc.tenant-enabled").map(Boolean::parseBoolean).orElse(true);
    boolean provider = setting("quarkus.oidc.auth-server-url").isPresent();
    if (config.enabled() && !(tenant && provider)) {
      throw new IllegalStateException(
          "newswire.auth.oidc.enabled=true needs quarkus.oidc.auth-server-url (seen: "
              + setting("quarkus.oidc.auth-server-url").orElse("not set")
              + ") and quarkus.oidc.tenant-enabled=true"
              + " (seen: "
              + tenant
              + "; a service's application.properties maps it onto newswire.auth.oidc.enabled)");
    }
    if (!config.enabled() && tenant && provider) {
      throw new IllegalStateException(
          "quarkus.oidc.auth-server-url is set and Quarkus OIDC is on, but"
              + " newswire.auth.oidc.enabled=false: set newswire.auth.oidc.enabled=true to accept the provider's"
              + " tokens, or remove quarkus.oidc.tenant-enabled=true");
    }
  }

  private static Optional<String> setting(String name) {
    return ConfigProvider.getConfig()
        .getOptionalValue(name, String.class)
        .filter(s -> !s.isBlank());
  }
}
