package io.newswire.console.signin;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Sends a page request without the key cookie to the sign-in page, which comes back to the page
 * afterwards. Whether the key is still good is the indexer's to say on each call: a page it refuses
 * (401, 403) signs the user out the same way. Only the console's own pages pass here; {@code
 * /q/health} and the stylesheet are not JAX-RS resources and stay open.
 */
public class SignInRequired {
  private static final Set<String> OPEN = Set.of("/signin", "/signout");

  @ServerRequestFilter
  public Optional<Response> require(ContainerRequestContext request) {
    if (OPEN.contains(request.getUriInfo().getPath())) {
      return Optional.empty();
    }
    Cookie cookie = request.getCookies().get(KeyCookie.NAME);
    if (cookie != null && KeyCookie.looksLikeKey(cookie.getValue())) {
      return Optional.empty();
    }
    return Optional.of(toSignin(wanted(request.getUriInfo().getRequestUri())));
  }

  /**
   * 303 to the sign-in page, coming back to {@code next}; relative, so it holds behind a proxy too.
   */
  public static Response toSignin(String next) {
    return Response.status(303)
        .header(HttpHeaders.LOCATION, NextPath.signinFor(next))
        .cookie(KeyCookie.cleared())
        .build();
  }

  /** The path and query of a request, as the browser asked for it. */
  public static String wanted(URI request) {
    String query = request.getRawQuery();
    return request.getRawPath() + (query == null ? "" : "?" + query);
  }
}
