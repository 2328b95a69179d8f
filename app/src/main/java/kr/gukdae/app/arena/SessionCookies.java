package kr.gukdae.app.arena;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.gukdae.app.access.Access;
import kr.gukdae.app.access.AccessDenied;
import kr.gukdae.app.access.RememberedSessions;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The arena's voter for a request, through the platform's session cookie ({@link Access}). */
@Component
final class SessionCookies {

  private final Access access;

  SessionCookies(Access access) {
    this.access = access;
  }

  /**
   * The remembered cookie-only session behind the request's cookie, read from nothing: the vote
   * confirms it in its own transaction. Null when this instance has not seen it (then {@link
   * #voter}).
   */
  RememberedSessions.@Nullable Remembered remembered(HttpServletRequest request) {
    return access.accounts().remembered(Access.token(request));
  }

  void forget(RememberedSessions.Remembered session) {
    access.accounts().forget(session.tokenHash());
  }

  /** The voter behind the request's cookie, or a new anonymous session set on the response. */
  Voter voter(HttpServletRequest request, HttpServletResponse response) {
    try {
      return Sessions.voter(access.visitor(request, response));
    } catch (AccessDenied e) {
      throw new ArenaException(e.status(), e.code(), e.getMessage());
    }
  }
}
