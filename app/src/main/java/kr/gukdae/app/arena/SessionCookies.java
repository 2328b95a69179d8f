package kr.gukdae.app.arena;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The arena session cookie. Always {@code HttpOnly} (scripts never see the token) and {@code
 * SameSite=Lax} (a cross-site POST does not carry it, while a link from another site still lands
 * signed in). {@code Secure} when the request came over HTTPS: either TLS at this server, or a
 * proxy's {@code X-Forwarded-Proto: https} once {@code server.forward-headers-strategy=native} says
 * to trust it (Tomcat then reports the request as secure; without that setting the header is
 * ignored, so a client cannot talk the server into or out of anything).
 */
@Component
final class SessionCookies {

  private final Arena arena;
  private final Duration ttl;

  SessionCookies(Arena arena, ArenaSettings settings) {
    this.arena = arena;
    this.ttl = settings.sessionTtl();
  }

  /** The voter behind the request's cookie, or a new anonymous session set on the response. */
  Voter voter(HttpServletRequest request, HttpServletResponse response) {
    Voter voter = arena.sessions().resolve(token(request));
    if (voter != null) {
      return voter;
    }
    Sessions.Opened opened = arena.sessions().openPublic();
    set(request, response, opened.token());
    return opened.voter();
  }

  void set(HttpServletRequest request, HttpServletResponse response, String token) {
    response.addHeader(HttpHeaders.SET_COOKIE, header(token, ttl, request.isSecure()));
  }

  void clear(HttpServletRequest request, HttpServletResponse response) {
    response.addHeader(HttpHeaders.SET_COOKIE, header("", Duration.ZERO, request.isSecure()));
  }

  static String header(String token, Duration maxAge, boolean secure) {
    return ResponseCookie.from(Sessions.COOKIE, token)
        .httpOnly(true)
        .secure(secure)
        .sameSite("Lax")
        .path("/")
        .maxAge(maxAge)
        .build()
        .toString();
  }

  static @Nullable String token(HttpServletRequest request) {
    var cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (var cookie : cookies) {
      if (cookie.getName().equals(Sessions.COOKIE)) {
        return cookie.getValue();
      }
    }
    return null;
  }
}
