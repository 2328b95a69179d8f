package kr.gukdae.app.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The one way a controller asks who is calling and refuses who may not: {@code
 * access.require(request, Role.OFFICE)} first thing in a handler, before anything is read or
 * written. The session cookie is {@code HttpOnly}, {@code SameSite=Lax}, and {@code Secure} when
 * the request came over HTTPS (directly, or through a proxy once {@code
 * server.forward-headers-strategy=native} says to trust its header).
 */
public final class Access {

  /** The session cookie, shared by every page of the platform. */
  public static final String COOKIE = "gukdae_session";

  private static final String ATTRIBUTE = Access.class.getName() + ".principal";

  private final Accounts accounts;
  private final Duration ttl;

  public Access(Accounts accounts, Duration sessionTtl) {
    this.accounts = accounts;
    this.ttl = sessionTtl;
  }

  public Accounts accounts() {
    return accounts;
  }

  /** The signed-in account behind the request; empty for anonymous visitors. */
  public Optional<Principal> current(HttpServletRequest request) {
    return Optional.ofNullable(session(request)).filter(Principal::signedIn);
  }

  /** How the roles a request lacks are listed in its refusal. */
  private static final String ROLES_OR = " | ";

  /**
   * The signed-in account when it holds any of {@code anyOf} (any account when none is named);
   * otherwise 401 for an anonymous request and 403 for an account without the role.
   */
  public Principal require(HttpServletRequest request, Role... anyOf) {
    Principal principal = current(request).orElseThrow(AccessDenied::unauthenticated);
    if (!principal.hasAny(anyOf)) {
      throw AccessDenied.forbidden(
          Arrays.stream(anyOf).map(Role::name).collect(Collectors.joining(ROLES_OR)));
    }
    return principal;
  }

  /**
   * The caller's session, anonymous or not, opening a cookie-only one when there is none (the arena
   * needs a stable id even for visitors without an account).
   */
  public Principal visitor(HttpServletRequest request, HttpServletResponse response) {
    Principal principal = session(request);
    if (principal != null) {
      return principal;
    }
    Accounts.Opened opened = accounts.openAnonymous(request.getRemoteAddr());
    setCookie(request, response, opened.token());
    request.setAttribute(ATTRIBUTE, opened.principal());
    return opened.principal();
  }

  /** Signs in and sets the cookie; the session the browser had before is ended. */
  public Principal login(
      HttpServletRequest request, HttpServletResponse response, String username, String password) {
    Accounts.Opened opened = accounts.login(username, password, request.getRemoteAddr());
    replace(request, response, opened);
    return opened.principal();
  }

  /** Registers a public voter account and signs it in. */
  public Principal register(
      HttpServletRequest request, HttpServletResponse response, String username, String password) {
    Accounts.Opened opened = accounts.register(username, password, request.getRemoteAddr());
    replace(request, response, opened);
    return opened.principal();
  }

  public void logout(HttpServletRequest request, HttpServletResponse response) {
    accounts.logout(token(request));
    request.removeAttribute(ATTRIBUTE);
    response.addHeader(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO, request.isSecure()));
  }

  private void replace(
      HttpServletRequest request, HttpServletResponse response, Accounts.Opened o) {
    accounts.logout(token(request));
    setCookie(request, response, o.token());
    request.setAttribute(ATTRIBUTE, o.principal());
  }

  private @Nullable Principal session(HttpServletRequest request) {
    if (request.getAttribute(ATTRIBUTE) instanceof Principal known) {
      return known;
    }
    Principal principal = accounts.resolve(token(request));
    if (principal != null) {
      request.setAttribute(ATTRIBUTE, principal);
    }
    return principal;
  }

  private void setCookie(HttpServletRequest request, HttpServletResponse response, String token) {
    response.addHeader(HttpHeaders.SET_COOKIE, cookie(token, ttl, request.isSecure()));
  }

  /** The {@code Set-Cookie} value for a session token. */
  public static String cookie(String token, Duration maxAge, boolean secure) {
    return ResponseCookie.from(COOKIE, token)
        .httpOnly(true)
        .secure(secure)
        .sameSite("Lax")
        .path("/")
        .maxAge(maxAge)
        .build()
        .toString();
  }

  /** The session token the request carries, if any. */
  public static @Nullable String token(HttpServletRequest request) {
    var cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (var cookie : cookies) {
      if (cookie.getName().equals(COOKIE)) {
        return cookie.getValue();
      }
    }
    return null;
  }
}
