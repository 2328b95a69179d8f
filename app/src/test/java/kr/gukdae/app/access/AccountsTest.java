package kr.gukdae.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import kr.gukdae.store.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Accounts, roles and sessions on both databases, including accounts from before roles existed. */
class AccountsTest {

  /** A clock the test moves by hand. */
  static final class Hand extends java.time.Clock {
    Instant now = Instant.parse("2026-03-02T10:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void rolesTeamsLookAlikesAndSessionSweep(String kind) {
    var dataSource = new DriverManagerDataSource(TestDatabases.migratedUrl(kind));
    Hand clock = new Hand();
    Accounts accounts = Accounts.create(dataSource, clock, Duration.ofHours(1), 100);

    accounts.create("office1", "office-password-1", EnumSet.of(Role.OFFICE, Role.REVIEWER), null);
    accounts.create("team.kim", "team-password-12", Set.of(Role.TEAM), "hanbit");
    assertThatThrownBy(() -> accounts.create("team2", "team-password-12", Set.of(Role.TEAM), null))
        .isInstanceOfSatisfying(
            AccessDenied.class, e -> assertThat(e.code()).isEqualTo("bad_team"));
    assertThatThrownBy(
            () -> accounts.create("rev2", "team-password-12", Set.of(Role.REVIEWER), "hanbit"))
        .isInstanceOfSatisfying(
            AccessDenied.class, e -> assertThat(e.code()).isEqualTo("bad_team"));

    // look-alikes of an existing name are refused: case, digit/letter twins, separators, width
    for (String twin : new String[] {"Office1", "OFFICEl", "offlce1", "office_1", "ｏｆｆｉｃｅ1"}) {
      assertThatThrownBy(() -> accounts.create(twin, "office-password-1", Set.of(Role.VOTER), null))
          .as(twin)
          .isInstanceOfSatisfying(AccessDenied.class, e -> assertThat(e.code()).isEqualTo("taken"));
    }
    // Cyrillic 'о' is not a Latin letter: refused as a name outright
    assertThatThrownBy(
            () -> accounts.create("оffice9", "office-password-1", Set.of(Role.VOTER), null))
        .isInstanceOfSatisfying(
            AccessDenied.class, e -> assertThat(e.code()).isEqualTo("bad_username"));

    var office = accounts.login("OFFICE1", "office-password-1", "10.0.0.1");
    assertThat(office.principal().username()).isEqualTo("office1");
    assertThat(office.principal().roles()).containsExactlyInAnyOrder(Role.OFFICE, Role.REVIEWER);
    var team = accounts.login("team.kim", "team-password-12", "10.0.0.1");
    assertThat(team.principal().team()).isEqualTo("hanbit");
    assertThat(accounts.resolve(team.token())).isEqualTo(team.principal());

    // A second Accounts over the same rows (a restart) reads the same principal back.
    Accounts restarted = Accounts.create(dataSource, clock, Duration.ofHours(1), 100);
    assertThat(restarted.resolve(office.token())).isEqualTo(office.principal());

    // logout ends the session at once; expiry ends it later; the sweep deletes both rows
    accounts.logout(team.token());
    assertThat(accounts.resolve(team.token())).isNull();
    assertThat(restarted.resolve(team.token())).isNull();
    clock.now = clock.now.plus(Duration.ofMinutes(61));
    assertThat(accounts.resolve(office.token())).isNull();
    var jdbc = JdbcClient.create(dataSource);
    assertThat(jdbc.sql("SELECT count(*) FROM arena_session").query(Integer.class).single())
        .isEqualTo(2);
    accounts.openAnonymous("10.0.0.2"); // an hour has passed: opening a session sweeps
    assertThat(jdbc.sql("SELECT count(*) FROM arena_session").query(Integer.class).single())
        .isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void accountsFromBeforeRolesKeepTheirPowers(String kind) {
    var dataSource = new DriverManagerDataSource(TestDatabases.url(kind));
    // migrate up to the last migration before roles existed, whatever other features added
    MigrationVersion before =
        java.util.Arrays.stream(Flyway.configure().dataSource(dataSource).load().info().all())
            .map(m -> m.getVersion())
            .filter(v -> v.isNewerThan("699") == false)
            .max(MigrationVersion::compareTo)
            .orElseThrow();
    Flyway.configure().dataSource(dataSource).target(before).load().migrate();
    var jdbc = JdbcClient.create(dataSource);
    String hash = Passwords.hash("legacy-password-1");
    for (String[] row : new String[][] {{"kim", "ADMIN"}, {"lee", "EXPERT"}, {"park", "PUBLIC"}}) {
      jdbc.sql(
              "INSERT INTO arena_account (username, password_hash, role, created_at)"
                  + " VALUES (?, ?, ?, CURRENT_TIMESTAMP)")
          .params(row[0], hash, row[1])
          .update();
    }
    Flyway.configure().dataSource(dataSource).load().migrate();
    Accounts accounts = Accounts.create(dataSource, new Hand(), Duration.ofHours(1), 100);
    assertThat(accounts.login("kim", "legacy-password-1", "a").principal().roles())
        .containsExactlyInAnyOrder(Role.OFFICE, Role.EXPERT);
    assertThat(accounts.login("lee", "legacy-password-1", "a").principal().roles())
        .containsExactly(Role.EXPERT);
    assertThat(accounts.login("PARK", "legacy-password-1", "a").principal().roles())
        .containsExactly(Role.VOTER);
    assertThatThrownBy(() -> accounts.create("K1m", "legacy-password-1", Set.of(Role.VOTER), null))
        .isInstanceOfSatisfying(AccessDenied.class, e -> assertThat(e.code()).isEqualTo("taken"));
  }

  @org.junit.jupiter.api.Test
  void guessingIsLimitedPerAccountAndPerAddress() {
    var dataSource = new DriverManagerDataSource(TestDatabases.migratedUrl("h2"));
    Hand clock = new Hand();
    Accounts accounts = Accounts.create(dataSource, clock, Duration.ofHours(1), 100);
    accounts.create("target", "the-right-password", Set.of(Role.OFFICE), null);
    for (int i = 0; i < Accounts.FAILURES_PER_ACCOUNT; i++) {
      String address = "10.0.0." + i; // a botnet: every guess from another address
      assertThatThrownBy(() -> accounts.login("TARGET", "guess-" + address, address))
          .isInstanceOfSatisfying(
              AccessDenied.class, e -> assertThat(e.code()).isEqualTo("bad_login"));
    }
    // locked, even with the right password and from a fresh address, until the window passes
    assertThatThrownBy(() -> accounts.login("target", "the-right-password", "10.1.1.1"))
        .isInstanceOfSatisfying(
            AccessDenied.class, e -> assertThat(e.code()).isEqualTo("rate_limited"));
    clock.now = clock.now.plus(Accounts.FAILURE_WINDOW);
    assertThat(accounts.login("target", "the-right-password", "10.1.1.1").principal().username())
        .isEqualTo("target");

    // one address guessing across many (existing or not) names is stopped too
    for (int i = 0; i < Accounts.FAILURES_PER_ADDRESS; i++) {
      String name = "name" + i;
      assertThatThrownBy(() -> accounts.login(name, "guess", "10.2.2.2"))
          .isInstanceOf(AccessDenied.class);
    }
    assertThatThrownBy(() -> accounts.login("target", "the-right-password", "10.2.2.2"))
        .isInstanceOfSatisfying(
            AccessDenied.class, e -> assertThat(e.code()).isEqualTo("rate_limited"));
  }
}
