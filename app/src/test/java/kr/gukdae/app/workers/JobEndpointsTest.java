package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import kr.gukdae.store.TestDatabases;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The job queue's first steps towards carrying eval runs (docs/workers.md): a piece that names a
 * model endpoint is never handed to a worker that may not reach it, whatever the endpoint's name
 * holds, not even once its holder's lease ran out; and a held piece's context lets it start work
 * only while its lease surely holds and shares the endpoint's permits with every other worker.
 */
class JobEndpointsTest {

  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final Duration SHORT = Duration.ofMillis(600);
  private static final String GPU1 = "http://10.0.0.1:8000/v1";
  private static final String GPU2 = "http://10.0.0.2:8000/v1";
  private static final String SLY = "x') OR (1 = 1"; // a worker's --endpoint is data, never SQL

  @TempDir Path home;
  private JobQueue queue;
  private JdbcClient jdbc;

  private void open(String database) throws Exception {
    queue = new JobQueue(TestDatabases.migrated(database));
    jdbc = queue.jdbc();
  }

  private void submit(String id, List<JobKind.Piece> pieces) {
    queue.submit(id, new QualityJob(), "label", "{}", "office", pieces, JobSeal.of("", home));
  }

  private static JobKind.Piece piece(String label, @Nullable String endpoint) {
    return new JobKind.Piece(label, "{}", endpoint, Capacity.NONE);
  }

  private Worker.Config config(String id, int capacity, Duration lease) {
    return new Worker.Config(id, capacity, null, lease, Duration.ofMillis(10), home);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aPieceOfAnEndpointAWorkerMayNotReachIsNeverHandedToIt(String database) throws Exception {
    open(database);
    submit(
        "j1",
        List.of(piece("gpu1", GPU1), piece("gpu2", GPU2), piece("sly", SLY), piece("any", null)));

    // a worker that names another endpoint, or one whose name tries to widen the filter, gets only
    // the piece that names none
    assertThat(queue.claim("w3", Set.of("http://10.0.0.3:8000/v1"), LEASE).orElseThrow().label())
        .isEqualTo("any");
    assertThat(queue.claim("w3", Set.of("http://10.0.0.3:8000/v1", "x' OR '1'='1"), LEASE))
        .isEmpty();
    assertThat(queue.claim("w3", Set.of(), LEASE)).isEmpty();

    var gpu1 = queue.claim("w1", Set.of(GPU1), LEASE).orElseThrow();
    assertThat(gpu1.label()).isEqualTo("gpu1");
    assertThat(gpu1.endpoint()).isEqualTo(GPU1);
    assertThat(queue.claim("w1", Set.of(GPU1), LEASE)).isEmpty();
    // its holder's lease ran out: still not for a worker of another endpoint
    jdbc.sql(
            "UPDATE work_shard SET lease_until = CURRENT_TIMESTAMP - INTERVAL '1' HOUR"
                + " WHERE label = 'gpu1'")
        .update();
    assertThat(queue.claim("w2", Set.of(GPU2), LEASE).orElseThrow().label()).isEqualTo("gpu2");
    assertThat(queue.claim("w2", Set.of(GPU2), LEASE)).isEmpty();
    // the endpoint with quotes in its name is handed only to a worker that names exactly it
    assertThat(queue.claim("w4", Set.of(SLY), LEASE).orElseThrow().label()).isEqualTo("sly");
    // a worker of any endpoint takes the lapsed gpu1 piece over; the merge names no endpoint
    var takeover = queue.claim("w5", null, LEASE).orElseThrow();
    assertThat(takeover.label()).isEqualTo("gpu1");
    assertThat(takeover.attempt()).isEqualTo(2);

    // through a real runner: a worker limited to gpu2 finds nothing in a job of gpu1 pieces
    submit("j2", List.of(piece("gpu1 only", GPU1)));
    var limited = new Worker.Config("w2", 2, Set.of(GPU2), LEASE, Duration.ofMillis(10), home);
    assertThat(new JobRunner(queue, limited, () -> false).runNext()).isFalse();
    assertThat(
            jdbc.sql("SELECT status, attempts FROM work_shard WHERE job_id = 'j2' AND shard_no = 0")
                .query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2))
                .single())
        .isEqualTo("QUEUED/0");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aHeldPieceStartsWorkOnlyWhileItsLeaseSurelyHolds(String database) throws Exception {
    open(database);
    submit("j1", List.of(piece("p", GPU1)));
    var permits = new EndpointPermits(queue);
    long oneLeaseAgo = System.nanoTime() - SHORT.toNanos() - 1;

    // a holder one lease past its claim whose piece another worker took starts nothing
    var a = queue.claim("a", null, SHORT).orElseThrow();
    jdbc.sql("UPDATE work_shard SET lease_until = CURRENT_TIMESTAMP - INTERVAL '1' HOUR").update();
    var b = queue.claim("b", null, SHORT).orElseThrow();
    try (var beat = beat(a, oneLeaseAgo, "a", SHORT);
        var context =
            new PieceContext(beat, a, samples(), permits, config("a", 2, SHORT), () -> false)) {
      assertThat(beat.lost()).isFalse();
      assertThat(context.mayStart()).isFalse();
      assertThat(beat.lost()).isTrue();
    }
    // the new holder's lapsed lease that nobody took: it goes on after the renewal
    jdbc.sql("UPDATE work_shard SET lease_until = CURRENT_TIMESTAMP - INTERVAL '1' HOUR").update();
    try (var beat = beat(b, oneLeaseAgo, "b", SHORT);
        var context =
            new PieceContext(beat, b, samples(), permits, config("b", 2, SHORT), () -> false)) {
      assertThat(context.mayStart()).isTrue();
      assertThat(queue.claim("c", null, SHORT)).as("renewed, so not claimable").isEmpty();
    }
    // a worker that is stopping starts nothing, even under a fresh lease
    try (var beat = beat(b, System.nanoTime(), "b", SHORT);
        var context =
            new PieceContext(beat, b, samples(), permits, config("b", 2, SHORT), () -> true)) {
      assertThat(context.mayStart()).isFalse();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void piecesShareTheEndpointsPermitsAndGiveThemBackWhenTheyEnd(String database) throws Exception {
    open(database);
    submit(
        "j1", List.of(piece("p0", GPU1), piece("p1", GPU1), piece("p2", GPU1), piece("n", null)));
    var permits = new EndpointPermits(queue);
    permits.setLimit(GPU1, 3);
    var c0 = queue.claim("w0", null, LEASE).orElseThrow();
    var c1 = queue.claim("w1", null, LEASE).orElseThrow();
    var c2 = queue.claim("w2", null, LEASE).orElseThrow();
    try (var b0 = beat(c0, System.nanoTime(), "w0", LEASE);
        var b1 = beat(c1, System.nanoTime(), "w1", LEASE);
        var b2 = beat(c2, System.nanoTime(), "w2", LEASE)) {
      var x0 = new PieceContext(b0, c0, samples(), permits, config("w0", 2, LEASE), () -> false);
      var x1 = new PieceContext(b1, c1, samples(), permits, config("w1", 2, LEASE), () -> false);
      var x2 = new PieceContext(b2, c2, samples(), permits, config("w2", 2, LEASE), () -> false);
      assertThat(x0.permits(99)).isEqualTo(2);
      assertThat(x1.permits(99)).as("what the limit leaves").isEqualTo(1);
      assertThatThrownBy(() -> x2.permits(99)).isInstanceOf(PieceContext.Busy.class);
      x0.close(); // the piece ended: its grant is free again
      assertThat(x2.permits(99)).isEqualTo(2);
      x1.close();
      x2.close();
      assertThat(
              jdbc.sql("SELECT COUNT(*) FROM eval_endpoint_permit").query(Integer.class).single())
          .isZero();
    }
    // a piece that names no endpoint has no permits to ask for
    var none = queue.claim("w3", null, LEASE).orElseThrow();
    try (var beat = beat(none, System.nanoTime(), "w3", LEASE)) {
      var context =
          new PieceContext(beat, none, samples(), permits, config("w3", 2, LEASE), () -> false);
      assertThatThrownBy(() -> context.permits(4)).isInstanceOf(kr.gukdae.UserError.class);
    }
  }

  private WorkSamples samples() {
    return new WorkSamples(queue, JobSeal.of("", home));
  }

  private Heartbeat beat(JobQueue.Claim c, long claimedAt, String worker, Duration lease) {
    var config = config(worker, 2, lease);
    return new Heartbeat(
        c.jobId() + "#" + c.shardNo(),
        claimedAt,
        config,
        c.endpoint(),
        () -> queue.renew(c, config.lease()));
  }
}
