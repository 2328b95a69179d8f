package kr.gukdae.app.arena;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Session cookies backed by the {@code arena_session} table. Only a SHA-256 of the token is stored,
 * so a leaked database does not hand out live sessions. Resolved sessions are cached in memory
 * because every vote needs one and they change only on logout or when an administrator verifies the
 * account behind them (which drops that account's cached sessions).
 */
final class Sessions {

  static final String COOKIE = "gukdae_arena";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int CACHE_LIMIT = 200_000;

  /**
   * Registrations per client address and minute: each one costs a PBKDF2 hash (tens of milliseconds
   * of CPU) and a row, so a script must not be able to mint accounts in bulk.
   */
  static final int REGISTRATIONS_PER_MINUTE = 5;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ArenaSettings settings;
  private final Limits limits;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(Voter voter, OffsetDateTime expiresAt) {}

  /** A new session: the raw token goes into the cookie, the voter into the request. */
  record Opened(String token, Voter voter) {}

  /** A registered public account waiting for an administrator's identity check. */
  record Unverified(String username, OffsetDateTime createdAt) {}

  Sessions(JdbcClient jdbc, Clock clock, ArenaSettings settings, Limits limits) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.settings = settings;
    this.limits = limits;
  }

  @Nullable Voter resolve(@Nullable String token) {
    if (token == null || token.length() != 43) {
      return null;
    }
    String hash = sha256(token);
    OffsetDateTime now = now();
    Cached cached = cache.get(hash);
    if (cached == null) {
      cached =
          jdbc.sql(
                  "SELECT s.voter_id, s.voter_class, s.username, s.expires_at,"
                      + " a.verified_at IS NOT NULL AND s.voter_class = 'PUBLIC'"
                      + " FROM arena_session s LEFT JOIN arena_account a ON a.username = s.username"
                      + " WHERE s.token_hash = ? AND s.ended_at IS NULL")
              .param(hash)
              .query((rs, i) ->
                  new Cached(
                      new Voter(
                          rs.getString(1),
                          VoterClass.valueOf(rs.getString(2)),
                          rs.getString(3),
                          rs.getBoolean(5)),
                      rs.getObject(4, OffsetDateTime.class)))
              .optional()
              .orElse(null);
      if (cached == null) {
        return null;
      }
      if (cache.size() > CACHE_LIMIT) {
        cache.clear();
      }
      cache.put(hash, cached);
    }
    return cached.expiresAt().isAfter(now) ? cached.voter() : null;
  }

  Opened openPublic() {
    String token = newToken();
    return open(token, Voter.anonymous("anon-" + sha256(token).substring(0, 20)));
  }

  Opened login(String username, String password) {
    var account =
        jdbc.sql("SELECT password_hash, role, verified_at FROM arena_account WHERE username = ?")
            .param(username)
            .query((rs, i) ->
                new String[] {
                  rs.getString(1), rs.getString(2), rs.getObject(3) == null ? null : "verified"
                })
            .optional();
    // Same answer for a wrong name and a wrong password: no probing for account names.
    if (account.isEmpty() || !Passwords.verify(password, account.get()[0])) {
      throw new ArenaException(HttpStatus.UNAUTHORIZED, "bad_login", "wrong username or password");
    }
    VoterClass voterClass = VoterClass.valueOf(account.get()[1]);
    boolean verified = voterClass == VoterClass.PUBLIC && account.get()[2] != null;
    return open(newToken(), Voter.account(username, voterClass, verified));
  }

  /**
   * A public voter's own account, signed in at once. {@code client} (the remote address) is what
   * the registration rate limit counts, since a new visitor has no stable id yet.
   */
  Opened register(String username, String password, String client) {
    limits.rate("registration", "addr:" + client, REGISTRATIONS_PER_MINUTE);
    insertAccount(username, password, VoterClass.PUBLIC);
    return open(newToken(), Voter.account(username, VoterClass.PUBLIC, false));
  }

  /** Public accounts nobody has verified yet, oldest first (at most 500). */
  List<Unverified> unverified() {
    return jdbc.sql(
            "SELECT username, created_at FROM arena_account WHERE role = 'PUBLIC'"
                + " AND verified_at IS NULL ORDER BY created_at, username LIMIT 500")
        .query((rs, i) -> new Unverified(rs.getString(1), rs.getObject(2, OffsetDateTime.class)))
        .list();
  }

  /**
   * Records that {@code admin} checked the identity behind a public account. Its open sessions are
   * dropped from the cache so their next request, and from then on every vote, carries the flag.
   */
  OffsetDateTime verify(String username, String admin) {
    OffsetDateTime now = now();
    int updated =
        jdbc.sql(
                "UPDATE arena_account SET verified_at = ?, verified_by = ?"
                    + " WHERE username = ? AND role = 'PUBLIC' AND verified_at IS NULL")
            .params(now, admin, username)
            .update();
    if (updated == 0) {
      var state =
          jdbc.sql("SELECT role, verified_at FROM arena_account WHERE username = ?")
              .param(username)
              .query((rs, i) -> rs.getString(1) + (rs.getObject(2) == null ? "" : "+verified"))
              .optional();
      if (state.isEmpty()) {
        throw ArenaException.notFound("no account named " + username);
      }
      throw new ArenaException(
          HttpStatus.CONFLICT,
          "not_verifiable",
          state.get().startsWith("PUBLIC")
              ? "account " + username + " is already verified"
              : "account " + username + " is an expert or administrator account, not a public one");
    }
    cache.values().removeIf(c -> username.equals(c.voter().username()));
    return now;
  }

  void logout(@Nullable String token) {
    if (token == null) {
      return;
    }
    String hash = sha256(token);
    cache.remove(hash);
    jdbc.sql("UPDATE arena_session SET ended_at = ? WHERE token_hash = ?")
        .param(now())
        .param(hash)
        .update();
  }

  void createAccount(String username, String password, VoterClass role) {
    if (role == VoterClass.PUBLIC) {
      throw ArenaException.badRequest("role", "role: EXPERT or ADMIN");
    }
    insertAccount(username, password, role);
  }

  private void insertAccount(String username, String password, VoterClass role) {
    if (!username.matches("[A-Za-z0-9_.-]{3,64}")) {
      throw ArenaException.badRequest(
          "username", "username: 3-64 letters, digits, '.', '_' or '-'");
    }
    if (password.length() < 10 || password.length() > 200) {
      throw ArenaException.badRequest("password", "password: 10 to 200 characters");
    }
    Integer taken =
        jdbc.sql("SELECT count(*) FROM arena_account WHERE username = ?")
            .param(username)
            .query(Integer.class)
            .single();
    if (taken > 0) {
      throw new ArenaException(
          HttpStatus.CONFLICT, "taken", "username already exists: " + username);
    }
    try {
      jdbc.sql(
              "INSERT INTO arena_account (username, password_hash, role, created_at)"
                  + " VALUES (?, ?, ?, ?)")
          .params(username, Passwords.hash(password), role.name(), now())
          .update();
    } catch (DuplicateKeyException e) {
      // two registrations of one name at once: the primary key decides, the loser hears so
      throw new ArenaException(
          HttpStatus.CONFLICT, "taken", "username already exists: " + username);
    }
  }

  private Opened open(String token, Voter voter) {
    OffsetDateTime now = now();
    OffsetDateTime expires = now.plus(settings.sessionTtl());
    jdbc.sql(
            "INSERT INTO arena_session (token_hash, voter_id, voter_class, username, created_at,"
                + " expires_at) VALUES (?, ?, ?, ?, ?, ?)")
        .params(
            sha256(token), voter.id(), voter.voterClass().name(), voter.username(), now, expires)
        .update();
    cache.put(sha256(token), new Cached(voter, expires));
    return new Opened(token, voter);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
