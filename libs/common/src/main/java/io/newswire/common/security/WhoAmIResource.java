package io.newswire.common.security;

import io.newswire.model.ApiKeyFile.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /auth/whoami} on every service: the name and role of the key or token the call
 * carries, so a screen can offer only what that role may do (the services still check every call
 * themselves).
 */
@Path("/auth/whoami")
public class WhoAmIResource {
  /** The caller: the key's name (or the token's subject) and its Newswire role. */
  public record Caller(String name, String role) {}

  private final SecurityIdentity identity;

  public WhoAmIResource(SecurityIdentity identity) {
    this.identity = identity;
  }

  @GET
  @RolesAllowed(Access.READER)
  @Produces(MediaType.APPLICATION_JSON)
  public Caller whoami() {
    Object role = identity.getAttribute(Access.ROLE_ATTRIBUTE);
    return new Caller(
        identity.getPrincipal().getName(), role instanceof Role r ? r.id() : highest());
  }

  /** An OIDC identity carries its roles as role names only. */
  private String highest() {
    for (String role : new String[] {Access.ADMIN, Access.EDITOR, Access.READER}) {
      if (identity.hasRole(role)) {
        return role;
      }
    }
    return Access.READER;
  }
}
