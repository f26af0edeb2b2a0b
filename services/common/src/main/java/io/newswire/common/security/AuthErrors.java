package io.newswire.common.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as JSON that says what to do, like every other error of the API:
 * {@code {"error": "..."}}.
 */
public class AuthErrors {
  static final String HOW =
      "send the key as 'Authorization: Bearer KEY' or 'X-API-Key: KEY'. ./newswire up keeps the CLI's key in"
          + " .newswire/data/cli-key; ./newswire keys add --name NAME --role reader|editor|admin makes others";

  @Inject SecurityIdentity identity;

  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException e) {
    return error(401, "This API needs a key: " + HOW + ".");
  }

  @ServerExceptionMapper
  public Response failed(AuthenticationFailedException e) {
    String reason = e.getMessage() == null || e.getMessage().isBlank() ? "the key was refused" : e.getMessage();
    return error(401, "Not authenticated: " + reason + "; " + HOW + ".");
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, ResourceInfo resource) {
    if (e.getMessage() != null && !e.getMessage().isBlank()) {
      return error(403, e.getMessage());
    }
    String needed = needed(resource);
    return error(403, "Forbidden: this call needs the " + needed + " role and " + Access.describe(identity)
        + ". Use a key with that role (./newswire keys add --name NAME --role " + needed + ").");
  }

  private static String needed(ResourceInfo resource) {
    Method method = resource == null ? null : resource.getResourceMethod();
    RolesAllowed roles = method == null ? null : method.getAnnotation(RolesAllowed.class);
    if (roles == null && resource != null && resource.getResourceClass() != null) {
      roles = resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
    return roles == null || roles.value().length == 0 ? "a higher" : String.join(" or ", roles.value());
  }

  private static Response error(int status, String message) {
    Response.ResponseBuilder response =
        Response.status(status).entity(Map.of("error", message)).type(MediaType.APPLICATION_JSON);
    if (status == 401) {
      response.header("WWW-Authenticate", ApiKeyMechanism.CHALLENGE);
    }
    return response.build();
  }
}
