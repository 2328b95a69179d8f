package kr.gukdae.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import kr.gukdae.Sha256;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Remembered cookie-only sessions (the arena vote's shortcut) across two instances: memory is never
 * the proof, the confirmation in the acting transaction is.
 */
class RememberedSessionsTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aSessionEndedOnAnyInstanceFailsItsConfirmationWhileStillRemembered(String kind)
      throws Exception {
    var ds = new DriverManagerDataSource(TestDatabases.migratedUrl(kind));
    AccountsTest.Hand clock = new AccountsTest.Hand();
    // two instances over one database, nothing shared in memory
    Accounts a = Accounts.create(ds, clock, Duration.ofHours(1), 100);
    Accounts b = Accounts.create(ds, clock, Duration.ofHours(1), 100);
    Accounts.Opened visitor = a.openAnonymous("10.0.0.1");
    Accounts.Opened other = a.openAnonymous("10.0.0.2");
    Accounts.Opened expiring = a.openAnonymous("10.0.0.3");
    String hash = Sha256.hex(visitor.token());
    var remembered = java.util.Objects.requireNonNull(a.remembered(visitor.token()));
    assertThat(remembered.principal()).isEqualTo(visitor.principal());
    assertThat(remembered.tokenHash()).isEqualTo(hash);
    // B has never read it: it remembers nothing, and its first read remembers it
    assertThat(b.remembered(visitor.token())).isNull();
    assertThat(b.resolve(visitor.token())).isEqualTo(visitor.principal());
    assertThat(b.remembered(visitor.token())).isNotNull();

    b.logout(visitor.token());
    // B forgot it with its logout; A still remembers it, but the confirmation finds it ended
    assertThat(b.remembered(visitor.token())).isNull();
    assertThat(a.remembered(visitor.token())).isNotNull();
    String expiringHash = Sha256.hex(expiring.token());
    assertThat(live(ds, List.of(hash, Sha256.hex(other.token()), expiringHash), clock))
        .containsExactlyInAnyOrder(Sha256.hex(other.token()), expiringHash);
    // expiry and a row removed behind the instances' backs end it the same way
    try (Connection c = ds.getConnection()) {
      c.createStatement()
          .executeUpdate(
              "DELETE FROM arena_session WHERE token_hash = '" + Sha256.hex(other.token()) + "'");
    }
    clock.now = clock.now.plus(Duration.ofHours(2));
    assertThat(live(ds, List.of(Sha256.hex(other.token()), expiringHash), clock)).isEmpty();
    // a read that finds it ended forgets it
    assertThat(a.resolve(visitor.token())).isNull();
    assertThat(a.remembered(visitor.token())).isNull();
  }

  @Test
  void signedInSessionsAreNeverRemembered() {
    var ds = new DriverManagerDataSource(TestDatabases.migratedUrl("h2"));
    Accounts a = Accounts.create(ds, new AccountsTest.Hand(), Duration.ofHours(1), 100);
    a.create("office-kim", "a long secret 1", EnumSet.of(Role.OFFICE), null);
    Accounts.Opened office = a.login("office-kim", "a long secret 1", "10.0.0.9");
    // roles can change on any instance, so their sessions are read on every request
    assertThat(a.remembered(office.token())).isNull();
    assertThat(a.resolve(office.token())).isNotNull();
    assertThat(a.remembered(office.token())).isNull();
    assertThat(a.remembered("not-a-token")).isNull();
    assertThat(a.remembered(null)).isNull();
  }

  private static Set<String> live(
      DriverManagerDataSource ds, List<String> hashes, AccountsTest.Hand clock) throws Exception {
    try (Connection c = ds.getConnection()) {
      return RememberedSessions.live(
          c, hashes, OffsetDateTime.ofInstant(clock.now, ZoneOffset.UTC));
    }
  }
}
