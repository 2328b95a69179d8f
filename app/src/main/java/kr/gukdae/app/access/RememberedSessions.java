package kr.gukdae.app.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kr.gukdae.Sha256;
import org.jspecify.annotations.Nullable;

/**
 * Cookie-only sessions this instance has already read, so the arena's vote, its one high-volume
 * request, need not read {@code arena_session} once per request. Only anonymous sessions are kept:
 * their principal is the session row's voter id and nothing else (no roles, no verification), so
 * the row's being live is the only fact that can change, by a logout, a login that replaces the
 * session, expiry or the sweep, on any instance. A remembered session is therefore never trusted by
 * itself: whoever acts on it confirms it with {@link #live} inside the transaction that acts, which
 * makes a logout on any instance hold for every action decided after it committed, exactly as a
 * read per request does (the check is later than that read, never earlier).
 */
public final class RememberedSessions {

  /** A session's live condition, the same for a read per request and for a confirmation. */
  static final String LIVE = "ended_at IS NULL AND expires_at > ?";

  /** Bound on memory: past it the map starts over (a miss only costs the read it saves). */
  private static final int MAX = 200_000;

  /** A remembered session: the hash its row is keyed by, and who it is. */
  public record Remembered(String tokenHash, Principal principal) {
    public Remembered {
      if (principal.signedIn()) {
        throw new IllegalArgumentException("only cookie-only sessions are remembered");
      }
    }
  }

  private final ConcurrentHashMap<String, Principal> byHash = new ConcurrentHashMap<>();

  /** The remembered session behind {@code token}, or null (then read it the usual way). */
  @Nullable Remembered get(@Nullable String token) {
    if (token == null || token.length() != Accounts.TOKEN_LENGTH) {
      return null;
    }
    String hash = Sha256.hex(token);
    Principal principal = byHash.get(hash);
    return principal == null ? null : new Remembered(hash, principal);
  }

  void remember(String tokenHash, Principal principal) {
    if (principal.signedIn()) {
      return;
    }
    if (byHash.size() >= MAX) {
      byHash.clear();
    }
    byHash.put(tokenHash, principal);
  }

  void forget(String tokenHash) {
    byHash.remove(tokenHash);
  }

  /**
   * Which of {@code tokenHashes} are live sessions now, read in {@code c}'s transaction (one
   * statement for any number of sessions).
   */
  public static Set<String> live(Connection c, Collection<String> tokenHashes, OffsetDateTime now)
      throws SQLException {
    Set<String> live = new HashSet<>();
    if (tokenHashes.isEmpty()) {
      return live;
    }
    List<String> hashes = List.copyOf(new HashSet<>(tokenHashes));
    String marks = String.join(",", java.util.Collections.nCopies(hashes.size(), "?"));
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT token_hash FROM arena_session WHERE token_hash IN ("
                + marks
                + ") AND "
                + LIVE)) {
      for (int i = 0; i < hashes.size(); i++) {
        ps.setString(i + 1, hashes.get(i));
      }
      ps.setObject(hashes.size() + 1, now);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          live.add(rs.getString(1));
        }
      }
    }
    return live;
  }
}
