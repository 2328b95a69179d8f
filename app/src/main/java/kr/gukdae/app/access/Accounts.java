package kr.gukdae.app.access;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import kr.gukdae.Sha256;
import kr.gukdae.text.Fold;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The platform's accounts and sessions, one system for every feature. Accounts live in {@code
 * arena_account} (the arena had them first) with their roles in {@code account_role}; sessions in
 * {@code arena_session}, keyed by a SHA-256 of the cookie token so a leaked database hands out no
 * live session. A cookie issued by one web instance works on every other, and a logout or
 * verification on one holds on all of them at once: every request reads its session (one
 * primary-key read; see docs/arena-web.md#several-instances), except the arena's vote, which takes
 * a remembered cookie-only session and confirms it inside its own transaction ({@link
 * RememberedSessions}). Rate limits are shared the same way ({@link RateWindows}).
 */
public final class Accounts {

  /** Characters of a cookie token (32 random bytes, base64url without padding). */
  static final int TOKEN_LENGTH = 43;

  /** Registrations per address and minute: each costs a PBKDF2 hash and a row. */
  static final int REGISTRATIONS_PER_MINUTE = 5;

  /** Login attempts per address and minute, whatever the account and outcome. */
  static final int LOGINS_PER_ADDRESS_MINUTE = 60;

  /** Failed logins per address before it must wait out the window (guessing across accounts). */
  static final int FAILURES_PER_ADDRESS = 30;

  /** Failed logins per account name before it is locked for the rest of the window. */
  static final int FAILURES_PER_ACCOUNT = 10;

  static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration SWEEP_EVERY = Duration.ofHours(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Compared against when the name is unknown, so a miss costs what a wrong password costs. */
  private static final String DUMMY_HASH = Passwords.hash("not-a-password-" + RANDOM.nextLong());

  /** A new session: the raw token goes into the cookie, the principal into the request. */
  public record Opened(String token, Principal principal) {}

  /** A registered voter account nobody has verified yet. */
  public record Unverified(String username, OffsetDateTime createdAt) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration ttl;
  private final int anonymousPerMinute;
  private final RateWindows windows;
  private final Throttle throttle;
  private final RememberedSessions remembered = new RememberedSessions();
  private volatile OffsetDateTime lastSweep;
  private volatile boolean keysFilled;

  private Accounts(DataSource dataSource, Clock clock, Duration ttl, int anonymousPerMinute) {
    this.jdbc = JdbcClient.create(dataSource);
    this.clock = clock;
    this.ttl = ttl;
    this.anonymousPerMinute = anonymousPerMinute;
    this.windows = new RateWindows(dataSource, clock);
    this.throttle = new Throttle(windows);
    this.lastSweep = now();
  }

  /**
   * Accounts over a migrated database. {@code anonymousPerMinute} bounds new cookie-only sessions
   * per client address, since each is a row and a fresh identity for the arena's per-voter limits.
   */
  public static Accounts create(
      DataSource dataSource, Clock clock, Duration sessionTtl, int anonymousPerMinute) {
    return new Accounts(dataSource, clock, sessionTtl, anonymousPerMinute);
  }

  /** The shared rate windows, for other features' limits (the arena's votes and battles). */
  public RateWindows windows() {
    return windows;
  }

  /** Creates an account with its roles; {@code team} is required with, and only with, TEAM. */
  public void create(String username, String password, Set<Role> roles, @Nullable String team) {
    if (roles.isEmpty()) {
      throw AccessDenied.badInput("role", "역할을 하나 이상 지정하세요 / roles: name at least one");
    }
    if (roles.contains(Role.TEAM) != (team != null && !team.isBlank())) {
      throw AccessDenied.badInput(
          "team", "팀 역할에는 팀 ID가 필요합니다 / team: a team id goes with the TEAM role, and only with it");
    }
    if (team != null && !team.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
      throw AccessDenied.badInput(
          "team", "팀 ID 형식 오류 / team: lower-case letters, digits, '_' or '-' (at most 64)");
    }
    insert(username, password, roles, roles.contains(Role.TEAM) ? team : null);
  }

  /** A public voter's own account (role VOTER), signed in at once. */
  public Opened register(String username, String password, String address) {
    throttle.acquire("register:" + address, REGISTRATIONS_PER_MINUTE, MINUTE, "registration");
    String name = insert(username, password, EnumSet.of(Role.VOTER), null);
    return open(newToken(), principal(name));
  }

  /**
   * Signs in. A wrong name and a wrong password get the same answer after the same work (a PBKDF2
   * against a dummy hash when the name is unknown), so neither the reply nor its timing tells which
   * names exist. Attempts are limited per address, failures per account name (existing or not).
   */
  public Opened login(String username, String password, String address) {
    String key = Fold.skeleton(username.length() > 200 ? username.substring(0, 200) : username);
    throttle.acquire("login-addr:" + address, LOGINS_PER_ADDRESS_MINUTE, MINUTE, "login");
    fillKeys();
    if (throttle.full("login-fail:" + key, FAILURES_PER_ACCOUNT, FAILURE_WINDOW)) {
      throw Throttle.tooMany("failed login", FAILURES_PER_ACCOUNT, FAILURE_WINDOW);
    }
    if (throttle.full("login-fail-addr:" + address, FAILURES_PER_ADDRESS, FAILURE_WINDOW)) {
      throw Throttle.tooMany("failed login", FAILURES_PER_ADDRESS, FAILURE_WINDOW);
    }
    var account =
        jdbc.sql("SELECT username, password_hash FROM arena_account WHERE username_key = ?")
            .param(key)
            .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
            .optional();
    boolean ok = Passwords.verify(password, account.map(a -> a[1]).orElse(DUMMY_HASH));
    if (account.isEmpty() || !ok) {
      throttle.record("login-fail:" + key, FAILURE_WINDOW);
      throttle.record("login-fail-addr:" + address, FAILURE_WINDOW);
      throw new AccessDenied(
          HttpStatus.UNAUTHORIZED,
          "bad_login",
          "사용자 이름 또는 비밀번호가 틀렸습니다 / wrong username or password");
    }
    return open(newToken(), principal(account.get()[0]));
  }

  /** A cookie-only session for a visitor without an account (limited per address). */
  public Opened openAnonymous(String address) {
    throttle.acquire("anon:" + address, anonymousPerMinute, MINUTE, "new session");
    String token = newToken();
    return open(token, Principal.anonymous("anon-" + Sha256.hex(token).substring(0, 20)));
  }

  /** The principal behind a cookie token, or null when unknown, ended or expired. */
  public @Nullable Principal resolve(@Nullable String token) {
    if (token == null || token.length() != TOKEN_LENGTH) {
      return null;
    }
    String hash = Sha256.hex(token);
    var row =
        jdbc.sql(
                "SELECT voter_id, username FROM arena_session WHERE token_hash = ? AND "
                    + RememberedSessions.LIVE)
            .params(hash, now())
            .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
            .optional();
    if (row.isEmpty()) {
      remembered.forget(hash);
      return null;
    }
    String username = row.get()[1];
    if (username != null) {
      return principal(username);
    }
    Principal anonymous = Principal.anonymous(row.get()[0]);
    remembered.remember(hash, anonymous);
    return anonymous;
  }

  /**
   * A cookie-only session this instance has read before, without reading it again; null for any
   * other token. Not proof that the session is still live: the caller confirms it with {@link
   * RememberedSessions#live} in the transaction that acts on it.
   */
  public RememberedSessions.@Nullable Remembered remembered(@Nullable String token) {
    return remembered.get(token);
  }

  /** Forgets a remembered session that its confirmation found ended (then read it again). */
  public void forget(String tokenHash) {
    remembered.forget(tokenHash);
  }

  /** Ends a session: its row is marked ended at once and deleted by the next sweep. */
  public void logout(@Nullable String token) {
    if (token == null) {
      return;
    }
    String hash = Sha256.hex(token);
    remembered.forget(hash);
    jdbc.sql("UPDATE arena_session SET ended_at = ? WHERE token_hash = ?")
        .params(now(), hash)
        .update();
  }

  /** Voter accounts nobody has verified yet, oldest first (at most 500). */
  public List<Unverified> unverified() {
    return jdbc.sql(
            "SELECT a.username, a.created_at FROM arena_account a JOIN account_role r"
                + " ON r.username = a.username AND r.role = 'VOTER'"
                + " WHERE a.verified_at IS NULL ORDER BY a.created_at, a.username LIMIT 500")
        .query((rs, i) -> new Unverified(rs.getString(1), rs.getObject(2, OffsetDateTime.class)))
        .list();
  }

  /**
   * Records that {@code by} checked the identity behind a voter account; its sessions carry the
   * flag from their next request on, whichever instance serves it.
   */
  public OffsetDateTime verify(String username, String by) {
    OffsetDateTime now = now();
    int updated =
        jdbc.sql(
                "UPDATE arena_account SET verified_at = ?, verified_by = ? WHERE username = ?"
                    + " AND verified_at IS NULL AND EXISTS (SELECT 1 FROM account_role r"
                    + " WHERE r.username = arena_account.username AND r.role = 'VOTER')")
            .params(now, by, username)
            .update();
    if (updated == 0) {
      Principal account = exists(username) ? principal(username) : null;
      if (account == null) {
        throw new AccessDenied(
            HttpStatus.NOT_FOUND, "not_found", "계정이 없습니다 / no account named " + username);
      }
      throw new AccessDenied(
          HttpStatus.CONFLICT,
          "not_verifiable",
          account.has(Role.VOTER)
              ? "이미 확인된 계정입니다 / account " + username + " is already verified"
              : "공개 투표자 계정이 아닙니다 / account " + username + " is not a public voter's account");
    }
    return now;
  }

  /**
   * Deletes expired and ended sessions. Runs by itself at most hourly as sessions open, so the
   * table stays the size of the live sessions; returns how many rows went.
   */
  public int sweep() {
    OffsetDateTime now = now();
    lastSweep = now;
    return jdbc.sql("DELETE FROM arena_session WHERE expires_at <= ? OR ended_at IS NOT NULL")
        .param(now)
        .update();
  }

  private String insert(String username, String password, Set<Role> roles, @Nullable String team) {
    String name = Normalizer.normalize(username, Normalizer.Form.NFKC).strip();
    if (!name.matches("[A-Za-z0-9_.-]{3,64}")) {
      throw AccessDenied.badInput(
          "username",
          "사용자 이름: 영문자, 숫자, '.', '_', '-' 3~64자 / username: 3-64 letters, digits, '.', '_'"
              + " or '-'");
    }
    if (password.length() < 10 || password.length() > 200) {
      throw AccessDenied.badInput("password", "비밀번호: 10~200자 / password: 10 to 200 characters");
    }
    String key = Fold.skeleton(name);
    fillKeys();
    String clash =
        jdbc.sql("SELECT username FROM arena_account WHERE username_key = ? OR username = ?")
            .params(key, name)
            .query(String.class)
            .optional()
            .orElse(null);
    if (clash != null) {
      throw taken(name, clash);
    }
    OffsetDateTime now = now();
    try {
      jdbc.sql(
              "INSERT INTO arena_account (username, password_hash, role, created_at, username_key)"
                  + " VALUES (?, ?, ?, ?, ?)")
          .params(name, Passwords.hash(password), legacyClass(roles), now, key)
          .update();
    } catch (DuplicateKeyException e) {
      // two registrations of one name (or look-alike) at once: the unique key decides
      throw taken(name, name);
    }
    for (Role role : roles) {
      jdbc.sql("INSERT INTO account_role (username, role, team_id, granted_at) VALUES (?, ?, ?, ?)")
          // param(…) one at a time: Spring marks only the single-value form as taking null
          .param(name)
          .param(role.name())
          .param(role == Role.TEAM ? team : null)
          .param(now)
          .update();
    }
    return name;
  }

  /**
   * Keys for accounts from before the column; on first use, not at construction, because the bean
   * is built before the migrations run.
   */
  private void fillKeys() {
    if (!keysFilled) {
      synchronized (this) {
        if (!keysFilled) {
          new AccountKeys(jdbc).backfill();
          keysFilled = true;
        }
      }
    }
  }

  private static AccessDenied taken(String name, String clash) {
    return new AccessDenied(
        HttpStatus.CONFLICT,
        "taken",
        "이미 있거나 기존 이름과 너무 비슷합니다 / username already exists or looks like an existing"
            + " one: "
            + name
            + (clash.equals(name) ? "" : " ~ " + clash));
  }

  /** The arena's voter class column predates roles; it is kept filled for old readers. */
  static String legacyClass(Set<Role> roles) {
    return roles.contains(Role.OFFICE)
        ? "ADMIN"
        : roles.contains(Role.EXPERT) ? "EXPERT" : "PUBLIC";
  }

  private boolean exists(String username) {
    return jdbc.sql("SELECT count(*) FROM arena_account WHERE username = ?")
            .param(username)
            .query(Integer.class)
            .single()
        > 0;
  }

  private Principal principal(String username) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    String[] team = {null};
    jdbc.sql("SELECT role, team_id FROM account_role WHERE username = ?")
        .param(username)
        .query(rs -> {
          Role role = Role.valueOf(rs.getString(1));
          roles.add(role);
          if (role == Role.TEAM) {
            team[0] = rs.getString(2);
          }
        });
    boolean verified =
        jdbc.sql("SELECT verified_at FROM arena_account WHERE username = ?")
                .param(username)
                .query((rs, i) -> rs.getObject(1) != null)
                .optional()
                .orElse(false)
            && roles.contains(Role.VOTER);
    return new Principal("user-" + username, username, roles, team[0], verified);
  }

  private Opened open(String token, Principal principal) {
    OffsetDateTime now = now();
    if (!now.isBefore(lastSweep.plus(SWEEP_EVERY))) {
      sweep();
    }
    OffsetDateTime expires = now.plus(ttl);
    String hash = Sha256.hex(token);
    jdbc.sql(
            "INSERT INTO arena_session (token_hash, voter_id, voter_class, username, created_at,"
                + " expires_at) VALUES (?, ?, ?, ?, ?, ?)")
        // param(…) one at a time: username is null for a cookie-only visitor, and Spring marks
        // only the single-value form as taking null
        .param(hash)
        .param(principal.id())
        .param(legacyClass(principal.roles()))
        .param(principal.username())
        .param(now)
        .param(expires)
        .update();
    remembered.remember(hash, principal);
    return new Opened(token, principal);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
