package io.newswire.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.console.signin.KeyCookie;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/**
 * Who is signed in, for the pages to offer only what their role may do ({@code
 * {inject:viewer.editor}}): the name and role the indexer's {@code GET /auth/whoami} gives the
 * request's key, asked at most once a minute per key ({@link Roles}). Only what is shown depends on
 * it; every change is still the services' to allow or refuse. When the indexer does not say, the
 * page shows everything and the services decide.
 */
@Named("viewer")
@RequestScoped
public class Viewer {
  @Inject HttpServerRequest request;
  @Inject IndexerClient indexer;
  @Inject Roles roles;

  private Roles.Caller caller;

  private Roles.Caller caller() {
    if (caller == null) {
      Cookie cookie = request.getCookie(KeyCookie.NAME);
      caller = cookie == null ? Roles.Caller.UNKNOWN : roles.of(cookie.getValue(), this::ask);
    }
    return caller;
  }

  private Roles.Caller ask(String key) {
    try {
      Reply reply = indexer.whoami(key);
      JsonNode body = reply.body();
      return reply.ok()
          ? new Roles.Caller(body.path("name").asText(""), body.path("role").asText(""))
          : Roles.Caller.UNKNOWN;
    } catch (IOException e) {
      return Roles.Caller.UNKNOWN;
    }
  }

  /** The key's name; empty when unknown. */
  public String name() {
    return caller().name();
  }

  /** {@code reader}, {@code editor} or {@code admin}; empty when unknown. */
  public String role() {
    return caller().role();
  }

  /** Whether to offer changes to rules and sources: the editor role, or a role not known. */
  public boolean editor() {
    return role().isEmpty() || role().equals("editor") || role().equals("admin");
  }

  /**
   * Whether to offer what only admin may do (replaying dead letters): admin, or a role not known.
   */
  public boolean admin() {
    return role().isEmpty() || role().equals("admin");
  }
}
