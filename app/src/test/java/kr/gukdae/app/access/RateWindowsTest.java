package kr.gukdae.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Rate windows shared through the database, as two web instances share them. */
class RateWindowsTest {

  private static DriverManagerDataSource database(String kind) {
    return new DriverManagerDataSource(TestDatabases.migratedUrl(kind));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void twoInstancesRacingForOneWindowAdmitExactlyItsLimit(String kind) throws Exception {
    var ds = database(kind);
    AccountsTest.Hand clock = new AccountsTest.Hand();
    // two instances: two RateWindows over one database, nothing shared in memory
    RateWindows a = new RateWindows(ds, clock);
    RateWindows b = new RateWindows(ds, clock);
    var rule = List.of(new RateWindows.Rule("vote:someone", 25, Duration.ofMinutes(1)));
    List<Future<Integer>> attempts = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 80; i++) {
        RateWindows instance = i % 2 == 0 ? a : b;
        attempts.add(pool.submit((Callable<Integer>) () -> instance.acquire(rule)));
      }
    }
    int admitted = 0;
    for (var f : attempts) {
      admitted += f.get() < 0 ? 1 : 0;
    }
    assertThat(admitted).isEqualTo(25);
    // the window slides: a minute after the events, both instances admit again
    clock.now = clock.now.plus(Duration.ofMinutes(1));
    assertThat(b.acquire(rule)).isEqualTo(-1);
    assertThat(a.acquire(rule)).isEqualTo(-1);
  }

  /**
   * The lock and the read are one statement: a counter that had to wait for the row must still read
   * the events its holder committed, or both would admit the last event of the window.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aCounterThatWaitedForTheRowReadsWhatItsHolderCommitted(String kind) throws Exception {
    var ds = database(kind);
    AccountsTest.Hand clock = new AccountsTest.Hand();
    RateWindows a = new RateWindows(ds, clock);
    RateWindows b = new RateWindows(ds, clock);
    var rule = new RateWindows.Rule("vote:last-one", 2, Duration.ofMinutes(1));
    assertThat(a.acquire(List.of(rule))).isEqualTo(-1); // the row exists with one event
    try (Connection holder = ds.getConnection();
        Connection waiter = ds.getConnection();
        var pool = Executors.newSingleThreadExecutor()) {
      holder.setAutoCommit(false);
      waiter.setAutoCommit(false);
      RateWindows.Locked held = a.lock(holder, List.of(rule.key()));
      assertThat(held.acquire(List.of(rule))).isEqualTo(-1); // the second and last event
      held.write();
      String waiterId = sessionId(waiter, kind);
      Future<Integer> second =
          pool.submit(() -> {
            int refused = b.lock(waiter, List.of(rule.key())).acquire(List.of(rule));
            waiter.commit();
            return refused;
          });
      try (Connection observer = ds.getConnection()) {
        while (!waiting(observer, kind, waiterId)) {
          assertThat(second.isDone()).as("the second counter must wait for the row").isFalse();
          Thread.onSpinWait();
        }
      }
      holder.commit();
      assertThat(second.get()).isZero(); // refused: it read both events after the wait
    }
  }

  private static String sessionId(Connection c, String kind) throws Exception {
    try (var rs =
        c.createStatement()
            .executeQuery(kind.equals("h2") ? "SELECT SESSION_ID()" : "SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** Whether the session {@code id} is waiting for a row lock. */
  private static boolean waiting(Connection observer, String kind, String id) throws Exception {
    String sql =
        kind.equals("h2")
            ? "SELECT count(*) FROM information_schema.sessions"
                + " WHERE session_id = CAST(? AS INT) AND blocker_id IS NOT NULL"
            : "SELECT count(*) FROM pg_stat_activity WHERE pid = CAST(? AS INT)"
                + " AND wait_event_type = 'Lock'";
    try (var ps = observer.prepareStatement(sql)) {
      ps.setString(1, id);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1) > 0;
      }
    }
  }

  @Test
  void rulesCountInOrderUntilTheFirstFullOne() {
    var ds = database("h2");
    AccountsTest.Hand clock = new AccountsTest.Hand();
    RateWindows windows = new RateWindows(ds, clock);
    var voter = new RateWindows.Rule("vote:v", 3, Duration.ofMinutes(1));
    var network = new RateWindows.Rule("network vote:10.0.0.0/24", 1, Duration.ofMinutes(1));
    assertThat(windows.acquire(List.of(voter, network))).isEqualTo(-1);
    // the network is full: refused at index 1, the voter's attempt still counted
    assertThat(windows.acquire(List.of(voter, network))).isEqualTo(1);
    assertThat(windows.full("vote:v", 3, Duration.ofMinutes(1))).isFalse();
    assertThat(windows.acquire(List.of(voter))).isEqualTo(-1);
    assertThat(windows.full("vote:v", 3, Duration.ofMinutes(1))).isTrue();
    // a key far longer than the column (user input) is stored by its hash, and still counted
    String longKey = "login-fail:" + "가".repeat(400);
    windows.record(longKey, Duration.ofMinutes(15));
    assertThat(windows.full(longKey, 1, Duration.ofMinutes(15))).isTrue();
  }

  @Test
  void aWindowPastItsExactCapacityOnlyGetsStricter() {
    Events events = Events.parse("");
    long t0 = 1_000_000;
    Duration minute = Duration.ofMinutes(1);
    for (int i = 0; i < 300; i++) {
      events.add(t0 + i * 100L); // 300 events over 30 s, more distinct times than are kept
    }
    String stored = events.format();
    assertThat(stored.split(";")).hasSize(Events.MAX_ENTRIES);
    assertThat(stored.length()).isLessThan(4000);
    Events read = Events.parse(stored);
    assertThat(read.count(t0 + 29_900, minute)).isEqualTo(300);
    // exact: every event is still counted until a minute after it; merged ones a little longer
    for (long at = t0 + 60_000; at < t0 + 90_000; at += 1_000) {
      long exact = 300 - Math.min(300, (at - 60_000 - t0) / 100 + 1);
      assertThat(read.count(at, minute)).isGreaterThanOrEqualTo(exact);
    }
    assertThat(read.count(t0 + 89_901, minute)).isZero();
  }
}
