package kr.gukdae.app.arena;

import jakarta.servlet.http.HttpServletRequest;
import kr.gukdae.app.access.Access;
import kr.gukdae.app.access.AccessDenied;
import kr.gukdae.app.access.Role;

/** The one check every arena administrator endpoint makes first: the programme office. */
final class Admins {

  private Admins() {}

  /** The requesting office account; anyone else gets 401/403 before anything is read or written. */
  static Voter require(Access access, HttpServletRequest request) {
    try {
      return Sessions.voter(access.require(request, Role.OFFICE));
    } catch (AccessDenied e) {
      throw new ArenaException(e.status(), e.code(), e.getMessage());
    }
  }
}
