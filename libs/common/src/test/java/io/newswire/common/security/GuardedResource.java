package io.newswire.common.security;

import io.newswire.model.ApiKeyFile.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.TreeSet;

/**
 * Endpoints guarded as the services' are: a reader one, an editor one, and one whose admin role is
 * checked in code ({@link Access#require}). Each answers with who called and the roles they hold.
 */
@Path("/guarded")
@Produces(MediaType.TEXT_PLAIN)
public class GuardedResource {
  @Inject SecurityIdentity identity;

  @GET
  @Path("read")
  @RolesAllowed(Access.READER)
  public String read() {
    return caller();
  }

  @POST
  @Path("edit")
  @RolesAllowed(Access.EDITOR)
  public String edit() {
    return caller();
  }

  @POST
  @Path("folder")
  @RolesAllowed(Access.EDITOR)
  public String folder() {
    Access.require(identity, Role.ADMIN, "a folder source");
    return caller();
  }

  private String caller() {
    return identity.getPrincipal().getName() + " " + new TreeSet<>(identity.getRoles());
  }
}
