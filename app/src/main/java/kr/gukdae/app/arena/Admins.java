package kr.gukdae.app.arena;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.gukdae.app.access.AccessDenied;
import kr.gukdae.app.access.Role;

/** The one check every arena administrator endpoint makes first: the programme office. */
final class Admins {

  private Admins() {}

  /** The requesting office account; anyone else gets 401/403 before anything is read or written. */
  static Voter require(ArenaApi api, HttpServletRequest request, HttpServletResponse response) {
    try {
      return Sessions.voter(api.access().require(request, Role.OFFICE));
    } catch (AccessDenied e) {
      throw new ArenaException(e.status(), e.code(), e.getMessage());
    }
  }
}
