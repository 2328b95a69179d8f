package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import kr.gukdae.Sha256;
import kr.gukdae.UserError;
import kr.gukdae.data.quality.Thresholds;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Someone with write access to the database edits a finished piece's stored result before the join
 * (drops its rows, recomputes a plain SHA-256 next to it, or copies another piece's sealed result
 * over it), or edits a finished job's result: the join refuses, failing the job with an error that
 * names the job and the piece, and the edited job result is refused when read. On both databases.
 */
class SealedResultsTest {

  @TempDir Path root;
  private JdbcClient jdbc;
  private JobQueue queue;
  private Jobs jobs;
  private JobRunner runner;

  private void open(String database) throws Exception {
    var ds = TestDatabases.migrated(database);
    queue = new JobQueue(ds);
    jdbc = queue.jdbc();
    jobs = new Jobs(ds, root.toString(), "", root);
    var config =
        new Worker.Config("w", 1, null, Duration.ofMinutes(5), Duration.ofMillis(10), root);
    runner = new JobRunner(queue, config, () -> false);
  }

  /** A scan of 60 rows in three pieces, the pieces computed and sealed, the merge not yet run. */
  private String piecesDone(String name) throws Exception {
    Path file = JobsTest.writeRows(root.resolve(name + ".jsonl"), 60);
    String id =
        jobs.submitQuality(file.toString(), "text", null, null, Thresholds.DEFAULT, 20, "office");
    for (int i = 0; i < 3; i++) {
      assertThat(runner.runNext()).isTrue();
    }
    assertThat(jobs.progress(id).orElseThrow().shardsDone()).isEqualTo(3);
    return id;
  }

  private String column(String id, int shard, String column) {
    return jdbc.sql("SELECT " + column + " FROM work_shard WHERE job_id = ? AND shard_no = ?")
        .params(id, shard)
        .query(String.class)
        .single();
  }

  private void assertRefused(String id, String piece) {
    assertThat(runner.runNext()).as("the merge ran").isTrue();
    JobProgress p = jobs.progress(id).orElseThrow();
    assertThat(p.status()).isEqualTo("FAILED");
    assertThat(UserError.inLanguage(p.error(), false))
        .startsWith("job " + id + ", " + piece + ": ")
        .contains("does not match its seal")
        .contains("the result is not joined");
    assertThat(UserError.inLanguage(p.error(), true)).contains("봉인과 맞지 않습니다");
    assertThat(jobs.result(id)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aPieceEditedInTheDatabaseIsRefusedAtTheJoinNamingTheJobAndPiece(String db) throws Exception {
    open(db);
    assertThat(column(piecesDone("honest"), 0, "result_seal")).startsWith("hmac-sha256:");
    while (runner.runNext()) {
      // the honest job's merge
    }

    // 1. the piece's rows dropped: the scan would miss every copy in them
    String dropped = piecesDone("dropped");
    jdbc.sql("UPDATE work_shard SET result = '[]' WHERE job_id = ? AND shard_no = 1")
        .param(dropped)
        .update();
    assertRefused(dropped, "piece 1 (rows 21–40)");

    // 2. edited, with a fresh SHA-256 written where the seal's digest was: no key, no seal
    String rehashed = piecesDone("rehashed");
    String seal = column(rehashed, 2, "result_seal");
    jdbc.sql(
            "UPDATE work_shard SET result = '[]', result_seal = ? WHERE job_id = ? AND shard_no = 2")
        .params(seal.substring(0, seal.lastIndexOf(':') + 1) + Sha256.hex("[]"), rehashed)
        .update();
    assertRefused(rehashed, "piece 2 (rows 41–60)");

    // 3. another piece's genuinely sealed result copied over: the seal names its piece
    String copied = piecesDone("copied");
    jdbc.sql("UPDATE work_shard SET result = ?, result_seal = ? WHERE job_id = ? AND shard_no = 0")
        .params(column(copied, 1, "result"), column(copied, 1, "result_seal"), copied)
        .update();
    assertRefused(copied, "piece 0 (rows 1–20)");

    // 4. the seal removed
    String unsealed = piecesDone("unsealed");
    jdbc.sql("UPDATE work_shard SET result_seal = NULL WHERE job_id = ? AND shard_no = 0")
        .param(unsealed)
        .update();
    assertThat(runner.runNext()).isTrue();
    assertThat(jobs.progress(unsealed).orElseThrow().error()).contains("it has no seal");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aFinishedJobsEditedResultIsRefusedWhenRead(String db) throws Exception {
    open(db);
    String id = piecesDone("finished");
    assertThat(runner.runNext()).isTrue();
    String result = jobs.result(id).orElseThrow();
    String recorded =
        jdbc.sql("SELECT result_seal FROM work_job WHERE id = ?")
            .param(id)
            .query(String.class)
            .single();
    assertThat(recorded).startsWith("hmac-sha256:");

    jdbc.sql("UPDATE work_job SET result = ? WHERE id = ?")
        .params(result.replaceFirst("\"rows\":60", "\"rows\":61"), id)
        .update();
    assertThat(result).contains("\"rows\":60");
    assertThatThrownBy(() -> jobs.result(id))
        .isInstanceOf(UserError.class)
        .satisfies(e ->
            assertThat(((UserError) e).message(false))
                .startsWith("job " + id + ", result: ")
                .contains("does not match its seal"));

    // a process holding another server secret says so instead of calling it an edit
    jdbc.sql("UPDATE work_job SET result = ? WHERE id = ?").params(result, id).update();
    var other = JobSeal.of("another installation's secret", root);
    assertThatThrownBy(() -> other.check(id, JobSeal.RESULT, "result", spec(id), result, recorded))
        .satisfies(e ->
            assertThat(((UserError) e).message(false))
                .contains("sealed under another server secret"));
  }

  private String spec(String id) {
    return jdbc.sql("SELECT spec FROM work_job WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  /**
   * A result that matches its seal but does not read as the kind's result (one stored by a gukdae
   * from before typed results, or written by a bug): the join refuses it at once, naming the job
   * and the piece; the merge is not retried and nothing is joined.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aSealedResultThatDoesNotReadIsRefusedNamingTheJobAndPiece(String db) throws Exception {
    open(db);
    String id = piecesDone("old-format");
    String old = "[\"web.jsonl:21,ko,8f3a\"]"; // text where typed row facts belong
    jdbc.sql("UPDATE work_shard SET result = ?, result_seal = ? WHERE job_id = ? AND shard_no = 1")
        .params(old, JobSeal.of("", root).seal(id, 1, column(id, 1, "spec"), old), id)
        .update();
    assertThat(runner.runNext()).as("the merge ran").isTrue();
    JobProgress p = jobs.progress(id).orElseThrow();
    assertThat(p.status()).isEqualTo("FAILED");
    assertThat(UserError.inLanguage(p.error(), false))
        .startsWith("job " + id + ", piece 1 (rows 21–40): ")
        .contains("cannot be read as a quality piece result")
        .contains("submit the job again");
    assertThat(UserError.inLanguage(p.error(), true)).contains("조각 결과로 읽을 수 없습니다");
    assertThat(jobs.result(id)).isEmpty();
    assertThat(runner.runNext()).as("nothing left to retry").isFalse();
  }
}
