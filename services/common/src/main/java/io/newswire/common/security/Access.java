package io.newswire.common.security;

import io.newswire.model.ApiKeyFile.Role;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Checks made in code where the role an action needs depends on what it does (a rule with a
 * webhook, a folder source), beside the {@code @RolesAllowed} of each endpoint.
 */
public final class Access {
  /** The {@link Role} of the key behind an identity. */
  static final String ROLE_ATTRIBUTE = "newswire.role";

  /** {@code @RolesAllowed} names, one per {@link Role}. */
  public static final String READER = "reader";
  public static final String EDITOR = "editor";
  public static final String ADMIN = "admin";

  private Access() {}

  /**
   * @param what the action, for the message: "a rule with a webhook"
   * @throws ForbiddenException (403, with what to do) when the caller's role is below {@code needed}
   */
  public static void require(SecurityIdentity identity, Role needed, String what) {
    if (!identity.hasRole(needed.id())) {
      throw new ForbiddenException(what + " needs the " + needed.id() + " role; " + describe(identity)
          + ". Use a key with that role (./newswire keys add --name NAME --role " + needed.id() + ").");
    }
  }

  static String describe(SecurityIdentity identity) {
    if (identity == null || identity.isAnonymous()) {
      return "no key was sent";
    }
    Object role = identity.getAttribute(ROLE_ATTRIBUTE);
    return "the key '" + identity.getPrincipal().getName() + "' has the "
        + (role instanceof Role r ? r.id() : "?") + " role";
  }
}
