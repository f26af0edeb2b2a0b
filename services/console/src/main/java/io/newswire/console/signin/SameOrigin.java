package io.newswire.console.signin;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses (403) a form posted from another site. The {@link KeyCookie} is SameSite=Strict, so such
 * a post already arrives signed out; checking the {@code Origin} browsers send with every POST also
 * covers an older browser and a sibling site on the same registrable domain, which SameSite counts
 * as the same site. A request without {@code Origin} (curl, a test client) passes: only browsers
 * send it, and they always do on a cross-site POST. The console's own origin is the one the request
 * was addressed to; behind a proxy that rewrites {@code Host}, set {@code
 * quarkus.http.proxy.proxy-address-forwarding} so it stays so.
 */
public class SameOrigin {
  @ServerRequestFilter(preMatching = true)
  public Optional<Response> check(ContainerRequestContext request) {
    if (!"POST".equals(request.getMethod())) {
      return Optional.empty();
    }
    String origin = request.getHeaderString("Origin");
    if (origin == null || origin.equalsIgnoreCase(own(request.getUriInfo().getBaseUri()))) {
      return Optional.empty();
    }
    return Optional.of(
        Response.status(403)
            .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
            .entity(
                "Refused: this form was posted from " + origin + ", not from the console itself.")
            .build());
  }

  /** {@code scheme://host[:port]}, as a browser writes an {@code Origin}. */
  static String own(URI base) {
    return base.getScheme().toLowerCase(Locale.ROOT)
        + "://"
        + base.getRawAuthority().toLowerCase(Locale.ROOT);
  }
}
