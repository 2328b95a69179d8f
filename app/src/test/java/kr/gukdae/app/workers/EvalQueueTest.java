package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import kr.gukdae.eval.Score;
import kr.gukdae.eval.run.SampleRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The job queue's promises for eval runs on both databases, with real concurrent connections: a
 * piece goes to one claimer at a time, a lease that ran out is taken over and fences its old
 * holder, a piece that keeps dying fails its job and its run, a resume gives fresh tries without
 * reusing a fencing token, the merge waits for every piece, a sample is recorded once, and endpoint
 * permits never add up past the limit. Time passing is played by moving leases back in the
 * database, as anyone with database access could.
 */
class EvalQueueTest {

  private static final Duration LEASE = Duration.ofMinutes(5);

  private JobQueue queue;
  private JdbcClient jdbc;

  private QueueFixture fixture;

  private void open(String database) throws Exception {
    fixture = QueueFixture.open(database);
    queue = fixture.queue();
    jdbc = fixture.jdbc();
  }

  private void submit(String runId, int shards) {
    fixture.submit(runId, shards);
  }

  private void expire(String runId, int shardNo) {
    jdbc.sql(
            "UPDATE work_shard SET lease_until = CURRENT_TIMESTAMP - INTERVAL '1' HOUR"
                + " WHERE job_id = ? AND shard_no = ?")
        .params(runId, shardNo)
        .update();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void concurrentClaimersTakeEveryShardExactlyOnceAndTheMergeLast(String database)
      throws Exception {
    open(database);
    submit("r1", 40);
    Map<Integer, String> owner = new ConcurrentHashMap<>();
    AtomicInteger doubles = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(4)) {
      for (int w = 0; w < 4; w++) {
        String worker = "w" + w;
        futures.add(
            pool.submit(() -> {
              go.await();
              for (var c = queue.claim(worker, null, LEASE);
                  c.isPresent();
                  c = queue.claim(worker, null, LEASE)) {
                if (c.get().merge()) {
                  // every sample shard must be done before anyone may merge
                  assertThat(owner).hasSize(40);
                }
                if (owner.putIfAbsent(c.get().shardNo(), worker) != null) {
                  doubles.incrementAndGet();
                }
                assertThat(complete(c.get())).isTrue();
              }
              return null;
            }));
      }
      go.countDown();
      for (var f : futures) {
        f.get();
      }
    }
    assertThat(doubles).hasValue(0);
    assertThat(owner).hasSize(41);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void anExpiredLeaseIsTakenOverAndFencesItsOldHolder(String database) throws Exception {
    open(database);
    submit("r1", 1);
    var first = queue.claim("a", null, LEASE).orElseThrow();
    assertThat(queue.claim("b", null, LEASE)).as("merge waits, shard held").isEmpty();
    assertThat(queue.renew(first, LEASE)).isTrue();

    expire("r1", 0);
    var second = queue.claim("b", null, LEASE).orElseThrow();
    assertThat(second.shardNo()).isZero();
    assertThat(second.attempt()).isEqualTo(2);

    assertThat(queue.renew(first, LEASE)).as("old holder fenced").isFalse();
    assertThat(complete(first)).isFalse();
    queue.release(first, "late failure"); // must not put b's shard back in the queue
    assertThat(complete(second)).isTrue();
    assertThat(queue.claim("c", null, LEASE).orElseThrow().merge()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aResumedRunGivesEachShardFreshTriesWithoutReusingAFencingToken(String database)
      throws Exception {
    open(database);
    submit("r1", 1);
    for (int i = 1; i <= JobQueue.MAX_ATTEMPTS; i++) {
      assertThat(queue.claim("w" + i, null, LEASE).orElseThrow().attempt()).isEqualTo(i);
      expire("r1", 0);
    }
    var stale = queue.claim("w5", null, LEASE); // the fifth claim fails the run
    assertThat(stale).isEmpty();
    assertThat(queue.requeueFailed("r1")).isTrue();
    assertThat(queue.requeueFailed("r1")).as("running now: nothing to put back").isFalse();
    var fresh = queue.claim("w6", null, LEASE).orElseThrow();
    // the count goes on (a holder from before the resume never matches), with four tries again
    assertThat(fresh.attempt()).isEqualTo(JobQueue.MAX_ATTEMPTS + 2);
    var before = withAttempt(fresh, JobQueue.MAX_ATTEMPTS);
    assertThat(queue.renew(before, LEASE)).isFalse();
    assertThat(complete(before)).isFalse();
    for (int i = 0; i < JobQueue.MAX_ATTEMPTS - 1; i++) {
      expire("r1", 0);
      assertThat(queue.claim("again" + i, null, LEASE)).isPresent();
    }
    expire("r1", 0);
    assertThat(queue.claim("over", null, LEASE)).isEmpty();
    assertThat(jdbc.sql("SELECT status FROM eval_run WHERE id = 'r1'").query(String.class).single())
        .isEqualTo("FAILED");
    assertThat(jdbc.sql("SELECT status FROM work_job WHERE id = 'r1'").query(String.class).single())
        .isEqualTo("FAILED");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aShardThatKeepsDyingFailsItsRunInsteadOfLoopingForever(String database) throws Exception {
    open(database);
    submit("r1", 1);
    for (int i = 1; i <= JobQueue.MAX_ATTEMPTS; i++) {
      assertThat(queue.claim("w" + i, null, LEASE).orElseThrow().attempt()).isEqualTo(i);
      expire("r1", 0);
    }
    assertThat(queue.claim("last", null, LEASE)).isEmpty();
    assertThat(jdbc.sql("SELECT status FROM eval_run WHERE id = 'r1'").query(String.class).single())
        .isEqualTo("FAILED");
    assertThat(
            jdbc.sql("SELECT last_error FROM work_shard WHERE job_id = 'r1' AND shard_no = 0")
                .query(String.class)
                .single())
        .contains("claimed " + JobQueue.MAX_ATTEMPTS + " times");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void workersTakeOnlyShardsOfEndpointsTheyMayReach(String database) throws Exception {
    open(database);
    submit("r1", 1);
    assertThat(queue.claim("a", Set.of("http://10.0.0.9:8000/v1"), LEASE)).isEmpty();
    assertThat(queue.claim("a", Set.of(), LEASE)).isEmpty();
    assertThat(queue.claim("a", Set.of("x' OR '1'='1"), LEASE)).isEmpty();
    assertThat(queue.claim("a", Set.of("http://127.0.0.1:1/v1"), LEASE)).isPresent();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aSampleIsRecordedOnceAndASuccessReplacesOnlyAnError(String database) throws Exception {
    open(database);
    submit("r1", 1);
    var samples = new WorkSamples(queue, fixture.seal());
    var holder = queue.claim("a", null, LEASE).orElseThrow();
    assertThat(samples.store(holder, sample(1, null, 0.0))).isTrue();
    // a second success (a holder retrying) loses
    assertThat(samples.store(holder, sample(1, null, 1.0))).isTrue();
    assertThat(samples.store(holder, sample(2, "timeout", 0.0))).isTrue();
    assertThat(samples.answered("r1", "t/a")).containsExactly(1);
    samples.store(holder, sample(2, null, 1.0)); // the retry's success replaces the error
    samples.store(holder, sample(2, "late error", 0.0)); // and an error never replaces a success
    List<SampleRecord> all = new ArrayList<>();
    samples.records("r1", "t/a", all::add);
    assertThat(all).extracting(SampleRecord::docId).containsExactly(1, 2);
    assertThat(all).allMatch(SampleRecord::ok);
    assertThat(all.get(0).scores().get("acc,none").value()).isEqualTo(0.0);
    assertThat(all.get(1).scores().get("acc,none").value()).isEqualTo(1.0);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void endpointPermitsNeverAddUpPastTheLimitAcrossWorkers(String database) throws Exception {
    open(database);
    var permits = new EndpointPermits(queue);
    String endpoint = "http://10.0.0.5:8000/v1";
    permits.setLimit(endpoint, 10);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> grants = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(8)) {
      for (int w = 0; w < 8; w++) {
        String worker = "w" + w;
        grants.add(
            pool.submit(() -> {
              go.await();
              return permits.acquire(endpoint, worker, 4, 99, LEASE);
            }));
      }
      go.countDown();
      int sum = 0;
      for (var g : grants) {
        sum += g.get();
      }
      assertThat(sum).isEqualTo(10);
    }
    // a grant whose lease ran out (its worker died) frees its permits and cannot be renewed
    String holder =
        jdbc.sql("SELECT worker FROM eval_endpoint_permit ORDER BY permits DESC LIMIT 1")
            .query(String.class)
            .single();
    int held =
        jdbc.sql("SELECT permits FROM eval_endpoint_permit WHERE worker = ?")
            .param(holder)
            .query(Integer.class)
            .single();
    jdbc.sql(
            "UPDATE eval_endpoint_permit SET lease_until = CURRENT_TIMESTAMP - INTERVAL '1' HOUR"
                + " WHERE worker = ?")
        .param(holder)
        .update();
    assertThat(permits.acquire(endpoint, "newcomer", 8, 99, LEASE)).isEqualTo(held);
    assertThat(permits.renew(endpoint, holder, LEASE)).isFalse();
    assertThat(permits.acquire(endpoint, "another", 8, 99, LEASE)).isZero();
    // an endpoint nobody set a limit for takes the run's concurrency
    assertThat(permits.acquire("http://10.0.0.6/v1", "w0", 8, 3, LEASE)).isEqualTo(3);
  }

  /** Completes a piece (or the merge) as its holder would, if it still holds it. */
  private boolean complete(JobQueue.Claim c) {
    return queue.complete(c, c.merge() ? "" : "{\"samples\":10}", fixture.seal(), List.of());
  }

  /** The same claim under another attempt number: a holder from another claim. */
  private static JobQueue.Claim withAttempt(JobQueue.Claim c, int attempt) {
    return new JobQueue.Claim(
        c.jobId(),
        c.shardNo(),
        c.merge(),
        c.label(),
        c.spec(),
        attempt,
        c.kind(),
        c.jobSpec(),
        c.endpoint(),
        c.specSeal(),
        c.jobSpecSeal(),
        c.needCpus(),
        c.needMemoryMb(),
        c.needsSeal(),
        c.endpointSeal());
  }

  private static SampleRecord sample(int docId, String error, double acc) {
    return new SampleRecord(
        "t/a",
        docId,
        null,
        error == null ? Map.of("acc,none", new Score(acc, "A", "A", null)) : Map.of(),
        List.of(),
        null,
        error);
  }
}
