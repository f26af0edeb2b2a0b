package io.newswire.common.security;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as JSON that says what to do, like every other error of the API: {@code {"error":
 * "..."}}.
 */
public class AuthErrors {
  static final String HOW =
      "send the key as 'Authorization: Bearer KEY' or 'X-API-Key: KEY'. ./newswire up keeps the CLI's key in"
          + " .newswire/data/cli-key; ./newswire keys add --name NAME --role reader|editor|admin makes others";
  static final String HOW_OIDC =
      "; or send an access token of the OIDC provider as 'Authorization: Bearer TOKEN'";

  @Inject SecurityIdentity identity;
  @Inject AuthConfig config;

  private String how() {
    return config.oidc().enabled() ? HOW + HOW_OIDC : HOW;
  }

  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException e) {
    return error(401, "This API needs a key: " + how() + ".");
  }

  @ServerExceptionMapper
  public Response failed(AuthenticationFailedException e, HttpHeaders headers) {
    String reason =
        e.getMessage() == null || e.getMessage().isBlank() ? "the key was refused" : e.getMessage();
    if (config.oidc().enabled() && oidcToken(headers.getHeaderString(HttpHeaders.AUTHORIZATION))) {
      // Quarkus OIDC's own message is empty or misleading (it talks of introspection); its log at
      // DEBUG has the details
      reason =
          "the access token was refused: expired, not signed by the provider at quarkus.oidc.auth-server-url,"
              + " for another audience (quarkus.oidc.token.audience) or not a JWT (the service logs why with"
              + " quarkus.log.category.\"io.quarkus.oidc\".level=DEBUG)";
    }
    return error(401, "Not authenticated: " + reason + "; " + how() + ".");
  }

  private static boolean oidcToken(String authorization) {
    return authorization != null
        && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        && !ApiKeyMechanism.isKey(authorization.substring(7).trim());
  }

  /**
   * The provider could not be reached to check a token (at start Quarkus OIDC only warns and tries
   * again).
   */
  @ServerExceptionMapper
  public Response providerDown(OIDCException e) {
    String url =
        ConfigProvider.getConfig()
            .getOptionalValue("quarkus.oidc.auth-server-url", String.class)
            .orElse("?");
    return error(
        503,
        "The OIDC provider at "
            + url
            + " (quarkus.oidc.auth-server-url) cannot be reached to check"
            + " the token: "
            + e.getMessage()
            + ". Try again, or use an API key (they do not depend on it).");
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, ResourceInfo resource) {
    if (e.getMessage() != null && !e.getMessage().isBlank()) {
      return error(403, e.getMessage());
    }
    String needed = needed(resource);
    return error(
        403,
        "Forbidden: this call needs the "
            + needed
            + " role and "
            + Access.describe(identity)
            + ". "
            + Access.advice(identity, needed)
            + ".");
  }

  private static String needed(ResourceInfo resource) {
    Method method = resource == null ? null : resource.getResourceMethod();
    RolesAllowed roles = method == null ? null : method.getAnnotation(RolesAllowed.class);
    if (roles == null && resource != null && resource.getResourceClass() != null) {
      roles = resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
    return roles == null || roles.value().length == 0
        ? "a higher"
        : String.join(" or ", roles.value());
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
