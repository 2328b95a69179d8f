package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #18's finding: a holder whose lease ran out (a long task load, a starved heartbeat) kept
 * starting samples until its next renewal failed, while the worker that took the shard over asked
 * the same samples. Now a holder past its own deadline starts nothing until a renewal says the
 * shard is still its own (the heartbeat of a job piece, as an eval run's pieces have). Time passing
 * is played by a claim time one lease in the past and by moving the lease back in the database.
 */
class HeartbeatTest {

  private static final Duration LEASE = Duration.ofMillis(600);

  private JobQueue queue;
  private JdbcClient jdbc;
  private QueueFixture fixture;

  private void open(String database) throws Exception {
    fixture = QueueFixture.open(database);
    queue = fixture.queue();
    jdbc = fixture.jdbc();
    fixture.submit("r1", 1);
  }

  private static Worker.Config config(String id) {
    return new Worker.Config(id, 4, null, LEASE, Duration.ofMillis(50), Path.of("unused"));
  }

  private void expireLease() {
    jdbc.sql("UPDATE work_shard SET lease_until = CURRENT_TIMESTAMP - INTERVAL '1' HOUR").update();
  }

  /** The heartbeat a worker runs for its piece, as {@link JobRunner} starts it. */
  private Heartbeat beat(JobQueue.Claim claim, long claimedAt, String worker) {
    return new Heartbeat(
        claim.jobId() + "#" + claim.shardNo(),
        claimedAt,
        config(worker),
        claim.endpoint(),
        () -> queue.renew(claim, LEASE));
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
    try (var beat = beat(a, oneLeaseAgo(), "a")) {
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
    try (var beat = beat(a, oneLeaseAgo(), "a")) {
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
    try (var beat = beat(a, System.nanoTime(), "a")) {
      assertThat(beat.awaitHeld()).isTrue();
      assertThat(queue.complete(a, "{\"samples\":10}", fixture.seal(), List.of(), beat.held()))
          .isTrue();
    }
    assertThat(
            jdbc.sql("SELECT duration_ms FROM work_shard WHERE shard_no = 0")
                .query(Long.class)
                .single())
        .isNotNull()
        .isGreaterThanOrEqualTo(0L);
  }
}
