package io.newswire.common.security;

import io.newswire.model.ApiKeyFile.Role;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Checks made in code where the role an action needs depends on what it does (a rule with a
 * webhook, a folder source), beside the {@code @RolesAllowed} of each endpoint.
 */
public final class Access {
  /** The {@link Role} of the key or the OIDC token behind an identity. */
  static final String ROLE_ATTRIBUTE = "newswire.role";

  /** {@code @RolesAllowed} names, one per {@link Role}. */
  public static final String READER = "reader";

  public static final String EDITOR = "editor";
  public static final String ADMIN = "admin";

  private Access() {}

  /**
   * @param what the action, for the message: "a rule with a webhook"
   * @throws ForbiddenException (403, with what to do) when the caller's role is below {@code
   *     needed}
   */
  public static void require(SecurityIdentity identity, Role needed, String what) {
    if (!identity.hasRole(needed.id())) {
      throw new ForbiddenException(
          what
              + " needs the "
              + needed.id()
              + " role; "
              + describe(identity)
              + ". "
              + advice(identity, needed.id())
              + ".");
    }
  }

  static String describe(SecurityIdentity identity) {
    if (identity == null || identity.isAnonymous()) {
      return "no key was sent";
    }
    Object role = identity.getAttribute(ROLE_ATTRIBUTE);
    if (identity.getCredential(AccessTokenCredential.class) != null) {
      return "the OIDC token of '"
          + identity.getPrincipal().getName()
          + "' "
          + (role instanceof Role r ? "has the " + r.id() + " role" : "grants no Newswire role");
    }
    return "the key '"
        + identity.getPrincipal().getName()
        + "' has the "
        + (role instanceof Role r ? r.id() : "?")
        + " role";
  }

  /** What to send instead, for a 403: "Use a key with that role (...)". */
  static String advice(SecurityIdentity identity, String needed) {
    String key = "a key with that role (./newswire keys add --name NAME --role " + needed + ")";
    if (identity != null && identity.getCredential(AccessTokenCredential.class) != null) {
      return "Use a token with a provider role that newswire.auth.oidc.role-map maps to "
          + needed
          + " (or that is named so), or "
          + key;
    }
    return "Use " + key;
  }
}
