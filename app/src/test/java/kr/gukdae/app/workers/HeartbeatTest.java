package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import kr.gukdae.store.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Issue #18's finding: a holder whose lease ran out (a long task load, a starved heartbeat) kept
 * starting samples until its next renewal failed, while the worker that took the shard over asked
 * the same samples. Now a holder past its own deadline starts nothing until a renewal says the
 * shard is still its own. Time passing is played by a claim time one lease in the past and by
 * moving the lease back in the database.
 */
class HeartbeatTest {

  private static final Duration LEASE = Duration.ofMillis(600);

  private ShardQueue queue;
  private JdbcClient jdbc;

  private void open(String database) throws Exception {
    String url = database.equals("h2") ? TestDatabases.freshH2() : TestDatabases.postgres();
    Flyway.configure().dataSource(url, null, null).load().migrate();
    DataSource ds = new SimpleDriverDataSource(DriverManager.getDriver(url), url);
    queue = new ShardQueue(ds);
    jdbc = JdbcClient.create(ds);
    jdbc.sql(
            "INSERT INTO eval_run (id, model, tasks, status, started_at)"
                + " VALUES ('r1', 'openai/m', 't/a', 'RUNNING', CURRENT_TIMESTAMP)")
        .update();
    var spec =
        new JobSpec(
            "openai/m",
            null,
            "KEY",
            List.of("t/a"),
            List.of(),
            null,
            null,
            null,
            4,
            1,
            10,
            false,
            Map.of("t/a", "h"),
            0);
    queue.submit("r1", spec, "http://127.0.0.1:1/v1", List.of(new ShardQueue.Range("t/a", 0, 10)));
  }

  private static Worker.Config config(String id) {
    return new Worker.Config(id, 4, null, LEASE, Duration.ofMillis(50), Path.of("unused"));
  }

  private void expireLease() {
    jdbc.sql("UPDATE eval_shard SET lease_until = CURRENT_TIMESTAMP - INTERVAL '1' HOUR").update();
  }

  /** A claim time one lease ago: the holder's own deadline has passed. */
  private static long oneLeaseAgo() {
    return System.nanoTime() - LEASE.toNanos() - 1;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aHolderPastItsLeaseStartsNothingOnceAnotherWorkerTookTheShard(String database)
      throws Exception {
    open(database);
    var a = queue.claim("a", null, LEASE).orElseThrow();
    expireLease();
    var b = queue.claim("b", null, LEASE).orElseThrow();
    assertThat(b.shardNo()).isEqualTo(a.shardNo());
    try (var beat = new Heartbeat(a, oneLeaseAgo(), queue, config("a"))) {
      // no renewal has failed yet, so the old check (lost()) would have let it start samples
      assertThat(beat.lost()).isFalse();
      assertThat(beat.awaitHeld()).isFalse();
      assertThat(beat.lost()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aHolderPastItsLeaseGoesOnOnceARenewalShowsNobodyTookTheShard(String database)
      throws Exception {
    open(database);
    var a = queue.claim("a", null, LEASE).orElseThrow();
    expireLease();
    try (var beat = new Heartbeat(a, oneLeaseAgo(), queue, config("a"))) {
      assertThat(beat.awaitHeld()).isTrue();
      assertThat(beat.lost()).isFalse();
      // the renewal moved the lease forward, so no other worker may take the shard now
      assertThat(queue.claim("b", null, LEASE)).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aFreshClaimMayStartAtOnceAndRecordsItsDuration(String database) throws Exception {
    open(database);
    var a = queue.claim("a", null, LEASE).orElseThrow();
    try (var beat = new Heartbeat(a, System.nanoTime(), queue, config("a"))) {
      assertThat(beat.awaitHeld()).isTrue();
      assertThat(queue.complete(a, beat.held())).isTrue();
    }
    assertThat(
            jdbc.sql("SELECT duration_ms FROM eval_shard WHERE shard_no = 0")
                .query(Long.class)
                .single())
        .isNotNull()
        .isGreaterThanOrEqualTo(0L);
  }
}
