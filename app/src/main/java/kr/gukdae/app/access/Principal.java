package kr.gukdae.app.access;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who is behind a session. {@code id} is stable: {@code user-<name>} for an account (so limits
 * follow the person across devices) or {@code anon-…} for a cookie-only visitor, who has no name
 * and no roles. {@code team} is set exactly when the account holds {@link Role#TEAM}; {@code
 * verified} says the office recorded an identity check of a voter account.
 */
public record Principal(
    String id,
    @Nullable String username,
    Set<Role> roles,
    @Nullable String team,
    boolean verified) {

  public Principal {
    Objects.requireNonNull(id, "id");
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    if (username == null && !roles.isEmpty()) {
      throw new IllegalArgumentException("only an account holds roles");
    }
    if ((team != null) != roles.contains(Role.TEAM)) {
      throw new IllegalArgumentException("a team id goes with the TEAM role, and only with it");
    }
    if (verified && username == null) {
      throw new IllegalArgumentException("only an account is verified");
    }
  }

  /** A cookie-only visitor. */
  public static Principal anonymous(String id) {
    return new Principal(id, null, Set.of(), null, false);
  }

  /**
   * The account's username, for a principal that {@code Access.require} admitted with a role: only
   * an account holds roles, so it always has one.
   */
  public String accountName() {
    if (username == null) {
      throw new IllegalStateException("visitor " + id + " has no account");
    }
    return username;
  }

  /** Whether this is a signed-in account (anonymous visitors are not). */
  public boolean signedIn() {
    return username != null;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Whether any of {@code anyOf} is held; with none named, whether signed in at all. */
  public boolean hasAny(Role... anyOf) {
    if (anyOf.length == 0) {
      return signedIn();
    }
    for (Role role : anyOf) {
      if (roles.contains(role)) {
        return true;
      }
    }
    return false;
  }
}
