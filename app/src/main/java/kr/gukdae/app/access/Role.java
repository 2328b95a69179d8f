package kr.gukdae.app.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import kr.gukdae.UserError;

/**
 * What an account may do on the platform. One account may hold several roles; a request without an
 * account is anonymous and holds none. The table of which role reaches which endpoint is in {@code
 * docs/security.md}.
 */
public enum Role {
  /** The programme office: registers models, accounts and scenarios, sees everything. */
  OFFICE,
  /** A member of an evaluation committee: reviews applications and evidence. */
  REVIEWER,
  /** A member of one competing team; bound to that team's id. */
  TEAM,
  /** A named expert user: votes in the arena as an expert and fills rubrics. */
  EXPERT,
  /** A registered public voter (an arena account of the public panel). */
  VOTER;

  /**
   * Roles from a comma-separated list such as {@code office,reviewer}. The arena's older names are
   * accepted: {@code ADMIN} is the office with expert voting, {@code PUBLIC} a voter.
   */
  public static Set<Role> parseList(String text) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String part : text.split(",")) {
      String name = part.strip().toUpperCase(Locale.ROOT);
      switch (name) {
        case "" -> {}
        case "ADMIN" -> roles.addAll(Set.of(OFFICE, EXPERT));
        case "PUBLIC" -> roles.add(VOTER);
        default -> {
          try {
            roles.add(valueOf(name));
          } catch (IllegalArgumentException e) {
            throw UserError.of(
                "role '" + part.strip() + "': office, reviewer, team, expert, voter 중에서 쓰세요",
                "role '" + part.strip() + "': use office, reviewer, team, expert or voter");
          }
        }
      }
    }
    if (roles.isEmpty()) {
      throw UserError.of(
          "roles: office, reviewer, team, expert, voter 중 하나 이상을 지정하세요",
          "roles: name at least one of office, reviewer, team, expert, voter");
    }
    return roles;
  }
}
