package kr.gukdae.app.arena;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import kr.gukdae.app.access.AccessDenied;
import kr.gukdae.app.access.Accounts;
import kr.gukdae.app.access.Principal;
import kr.gukdae.app.access.Role;
import org.jspecify.annotations.Nullable;

/**
 * The arena's view of the platform's accounts and sessions ({@link Accounts}): a session's
 * principal becomes a {@link Voter}, and the access layer's refusals become the arena's own, so its
 * replies keep their shape.
 */
final class Sessions {

  static final String COOKIE = kr.gukdae.app.access.Access.COOKIE;

  /** A new session: the raw token goes into the cookie, the voter into the request. */
  record Opened(String token, Voter voter) {}

  /** A registered public account waiting for an administrator's identity check. */
  record Unverified(String username, OffsetDateTime createdAt) {}

  private final Accounts accounts;

  Sessions(Accounts accounts) {
    this.accounts = accounts;
  }

  Accounts accounts() {
    return accounts;
  }

  @Nullable Voter resolve(@Nullable String token) {
    Principal principal = accounts.resolve(token);
    return principal == null ? null : voter(principal);
  }

  /** An anonymous session opened in-process (tools, tests), counted under one pseudo-address. */
  Opened openPublic() {
    return openPublic("in-process");
  }

  Opened openPublic(String address) {
    return opened(() -> accounts.openAnonymous(address));
  }

  Opened login(String username, String password, String address) {
    return opened(() -> accounts.login(username, password, address));
  }

  Opened register(String username, String password, String address) {
    return opened(() -> accounts.register(username, password, address));
  }

  List<Unverified> unverified() {
    return accounts.unverified().stream()
        .map(u -> new Unverified(u.username(), u.createdAt()))
        .toList();
  }

  OffsetDateTime verify(String username, String admin) {
    return arena(() -> accounts.verify(username, admin));
  }

  void logout(@Nullable String token) {
    accounts.logout(token);
  }

  /** An expert ({@code EXPERT}) or administrator ({@code ADMIN}: the office, also an expert). */
  void createAccount(String username, String password, VoterClass role) {
    Set<Role> roles =
        switch (role) {
          case ADMIN -> EnumSet.of(Role.OFFICE, Role.EXPERT);
          case EXPERT -> EnumSet.of(Role.EXPERT);
          case PUBLIC ->
              throw ArenaException.badRequest(
                  "role", "role: EXPERT 또는 ADMIN이어야 합니다 / EXPERT or ADMIN");
        };
    arena(() -> {
      accounts.create(username, password, roles, null);
      return null;
    });
  }

  /**
   * The arena's voter for a principal: the office votes as an administrator, an expert as an
   * expert, everyone else (voters, reviewers, team members, anonymous visitors) as the public.
   */
  static Voter voter(Principal principal) {
    if (!principal.signedIn()) {
      return Voter.anonymous(principal.id());
    }
    VoterClass voterClass =
        principal.has(Role.OFFICE)
            ? VoterClass.ADMIN
            : principal.has(Role.EXPERT) ? VoterClass.EXPERT : VoterClass.PUBLIC;
    return new Voter(
        principal.id(),
        voterClass,
        principal.username(),
        principal.verified() && voterClass == VoterClass.PUBLIC);
  }

  private static Opened opened(Supplier<Accounts.Opened> open) {
    Accounts.Opened opened = arena(open);
    return new Opened(opened.token(), voter(opened.principal()));
  }

  private static <T> T arena(Supplier<T> action) {
    try {
      return action.get();
    } catch (AccessDenied e) {
      throw new ArenaException(e.status(), e.code(), e.getMessage());
    }
  }
}
