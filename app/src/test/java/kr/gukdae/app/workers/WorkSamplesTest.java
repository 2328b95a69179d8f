package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.gukdae.Sha256;
import kr.gukdae.UserError;
import kr.gukdae.eval.Score;
import kr.gukdae.eval.run.SampleRecord;
import kr.gukdae.store.TestDatabases;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Samples of an eval piece on the job queue ({@code work_sample}) keep {@code eval_sample}'s rules:
 * the first success wins and an error never replaces it; only the piece's current holder stores (a
 * holder whose piece was taken over is fenced by its attempt number); and a row edited, moved or
 * inserted with SQL is refused when read, naming job, task and doc.
 */
class WorkSamplesTest {

  private static final Duration LEASE = Duration.ofMinutes(5);

  @TempDir Path home;
  private JobQueue queue;
  private JdbcClient jdbc;
  private WorkSamples samples;

  private void open(String database) throws Exception {
    queue = new JobQueue(TestDatabases.migrated(database));
    jdbc = queue.jdbc();
    samples = new WorkSamples(queue, JobSeal.of("work-samples-secret-0123456789abcd", home));
    queue.submit(
        "j1",
        new QualityJob(),
        "label",
        "{}",
        "office",
        List.of(new JobKind.Piece("p0", "{}"), new JobKind.Piece("p1", "{}")),
        JobSeal.of("", home));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void theFirstSuccessWinsAndAnErrorNeverReplacesIt(String database) throws Exception {
    open(database);
    var holder = queue.claim("w", LEASE).orElseThrow();
    assertThat(samples.store(holder, sample(0, "timeout", 0))).isTrue();
    assertThat(samples.answered("j1", "t/a")).as("an error is not an answer").isEmpty();
    assertThat(samples.store(holder, sample(0, null, 1))).isTrue();
    assertThat(samples.store(holder, sample(0, null, 0))).isTrue();
    assertThat(samples.store(holder, sample(0, "late error", 0))).isTrue();
    assertThat(samples.store(holder, sample(1, null, 0))).isTrue();
    assertThat(samples.answered("j1", "t/a")).containsExactlyInAnyOrder(0, 1);
    assertThat(samples.answered("j1", "t/b")).isEmpty();
    assertThat(samples.answeredCount("j1")).isEqualTo(2);
    List<SampleRecord> read = new ArrayList<>();
    samples.records("j1", "t/a", read::add);
    assertThat(read).extracting(SampleRecord::docId).containsExactly(0, 1);
    assertThat(read.get(0).error()).isNull();
    assertThat(read.get(0).scores().get("acc,none").value()).isEqualTo(1.0);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void samplesStoredAtOnceByAPiecesThreadsAreEachStoredOnce(String database) throws Exception {
    open(database);
    var holder = queue.claim("w", LEASE).orElseThrow();
    List<Boolean> stored = java.util.Collections.synchronizedList(new ArrayList<>());
    // as a piece at capacity 8 stores, samples finishing at once; each doc stored twice
    try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (int doc = 0; doc < 64; doc++) {
        int d = doc;
        threads.execute(() -> stored.add(samples.store(holder, sample(d % 32, null, 1))));
      }
    }
    assertThat(stored).hasSize(64).containsOnly(true);
    assertThat(samples.answered("j1", "t/a")).hasSize(32);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM work_sample").query(Integer.class).single())
        .isEqualTo(32);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aHolderWhosePieceWasTakenOverStoresNothing(String database) throws Exception {
    open(database);
    var stale = queue.claim("a", LEASE).orElseThrow();
    jdbc.sql("UPDATE work_shard SET lease_until = CURRENT_TIMESTAMP - INTERVAL '1' HOUR").update();
    // a lapsed lease that nobody took: the holder still holds the piece
    assertThat(samples.store(stale, sample(0, null, 1))).isTrue();
    var successor = queue.claim("b", LEASE).orElseThrow();
    assertThat(successor.shardNo()).isEqualTo(stale.shardNo());
    assertThat(samples.store(stale, sample(1, null, 1))).as("fenced").isFalse();
    assertThat(samples.answered("j1", "t/a")).containsExactly(0);
    // through the piece's context the stale holder stops at once
    try (var beat = new Heartbeat("a", System.nanoTime(), config("a"), () -> true);
        var context =
            new PieceContext(
                beat, stale, samples, new EndpointPermits(queue), config("a"), () -> false)) {
      assertThatThrownBy(() -> context.store(sample(1, null, 1)))
          .isInstanceOf(PieceContext.Gone.class);
    }
    assertThat(samples.store(successor, sample(1, null, 0))).isTrue();
    assertThat(samples.answered("j1", "t/a")).containsExactlyInAnyOrder(0, 1);
    // a piece given back, done or failed is nobody's to store into
    queue.release(successor, "boom");
    assertThat(samples.store(successor, sample(2, null, 1))).isFalse();
    assertThat(samples.answered("j1", "t/a")).containsExactlyInAnyOrder(0, 1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void rowsEditedMovedOrInsertedWithSqlAreRefusedNamingJobTaskAndDoc(String database)
      throws Exception {
    open(database);
    var holder = queue.claim("w", LEASE).orElseThrow();
    for (int doc = 0; doc < 4; doc++) {
      samples.store(holder, sample(doc, null, 1));
    }
    // edited and re-hashed
    String forged = sample(0, null, 0).toJson();
    jdbc.sql("UPDATE work_sample SET record = ?, seal = ? WHERE doc_id = 0")
        .params(forged, Sha256.hex(forged))
        .update();
    assertRefused("job j1, task t/a, doc 0: its stored result does not match");
    jdbc.sql("DELETE FROM work_sample WHERE doc_id = 0").update();
    // another doc's record and seal copied over doc 2
    var doc1 =
        jdbc.sql("SELECT record, seal FROM work_sample WHERE doc_id = 1")
            .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
            .single();
    jdbc.sql("UPDATE work_sample SET record = ?, seal = ? WHERE doc_id = 2")
        .params(doc1.get(0), doc1.get(1))
        .update();
    assertRefused("job j1, task t/a, doc 2: its stored result does not match");
    jdbc.sql("DELETE FROM work_sample WHERE doc_id = 2").update();
    // a success inserted by hand, sealed with a key of another secret: skipped as answered, then
    // refused when read
    String other = "another-secret-0123456789abcdef01";
    String json = sample(7, null, 1).toJson();
    jdbc.sql(
            "INSERT INTO work_sample (job_id, task, doc_id, ok, record, seal)"
                + " VALUES ('j1', 't/a', 7, TRUE, ?, ?)")
        .params(json, JobSeal.of(other, home).sealSample("j1", "t/a", 7, json))
        .update();
    assertThat(samples.answered("j1", "t/a")).contains(7);
    assertRefused("job j1, task t/a, doc 7:");
    // and the seal cannot be left out
    assertThatThrownBy(() ->
            jdbc.sql(
                    "INSERT INTO work_sample (job_id, task, doc_id, ok, record)"
                        + " VALUES ('j1', 't/a', 8, TRUE, ?)")
                .param(json)
                .update())
        .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
  }

  private void assertRefused(String message) {
    assertThatThrownBy(() -> samples.records("j1", "t/a", r -> {}))
        .isInstanceOf(UserError.class)
        .satisfies(e -> assertThat(((UserError) e).message(false)).contains(message));
  }

  private Worker.Config config(String id) {
    return new Worker.Config(id, 2, null, LEASE, Duration.ofMillis(10), home);
  }

  private static SampleRecord sample(int docId, @Nullable String error, double acc) {
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
