package kr.gukdae.app.arena;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The one check every administrator endpoint makes first. */
final class Admins {

  private Admins() {}

  /** The requesting administrator; anyone else gets 403 before anything is read or written. */
  static Voter require(ArenaApi api, HttpServletRequest request, HttpServletResponse response) {
    Voter voter = api.voter(request, response);
    if (voter.voterClass() != VoterClass.ADMIN) {
      throw ArenaException.forbidden("administrators only; log in with an admin account");
    }
    return voter;
  }
}
