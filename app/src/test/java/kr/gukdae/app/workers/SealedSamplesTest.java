package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import kr.gukdae.Sha256;
import kr.gukdae.UserError;
import kr.gukdae.app.eval.EvalStore;
import kr.gukdae.eval.run.SampleRecord;
import kr.gukdae.model.openai.fake.FakeOpenAiServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Someone with write access to the database changes a distributed run's stored samples after the
 * workers stored them and before the merge: a record edited with its seal replaced by a fresh
 * SHA-256, a record copied over another doc's with its seal, a record deleted. The merge (on the
 * worker and on the submitter) refuses each, naming the job, task and doc, and the run fails with
 * that reason instead of results built on the edit.
 */
class SealedSamplesTest {

  private static final String TASK = QueueFixture.EVAL_TASK;

  @TempDir Path dir;

  private QueueFixture fixture;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void samplesEditedInTheDatabaseBeforeTheMergeAreRefusedNamingJobTaskAndDoc(String database)
      throws Exception {
    fixture = QueueFixture.open(database);
    var jdbc = fixture.jdbc();
    JobSeal seal = JobSeal.of(QueueFixture.SECRET, dir);
    try (var fake = FakeOpenAiServer.start()) {
      // edited and re-hashed: the completion forged, a plain SHA-256 written as its seal
      Submission r1 = submitSamplesOnly(fake, "r1");
      String original = record("r1", 1);
      SampleRecord r = SampleRecord.fromJson(original);
      String forged =
          new SampleRecord(
                  r.task(), r.docId(), r.category(), r.scores(), r.calls(), "forged", r.error())
              .toJson();
      jdbc.sql("UPDATE work_sample SET record = ?, seal = ? WHERE job_id = 'r1' AND doc_id = 1")
          .params(forged, Sha256.hex(forged))
          .update();
      assertThatThrownBy(() -> r1.merge(fixture.queue(), seal, dir.resolve("home")))
          .isInstanceOf(UserError.class)
          .satisfies(e ->
              assertThat(((UserError) e).message(false))
                  .contains("job r1, task " + TASK + ", doc 1: its stored result does not match"));
      assertThat(mergeOnAWorker("r1"))
          .contains("job r1, task " + TASK + ", doc 1: its stored result does not match");

      // another doc's record copied over doc 2, sealed as stored for doc 0
      submitSamplesOnly(fake, "r2");
      String sealOfDoc0 =
          jdbc.sql("SELECT seal FROM work_sample WHERE job_id = 'r2' AND doc_id = 0")
              .query(String.class)
              .single();
      jdbc.sql("UPDATE work_sample SET record = ?, seal = ? WHERE job_id = 'r2' AND doc_id = 2")
          .params(record("r2", 0), sealOfDoc0)
          .update();
      assertThat(mergeOnAWorker("r2"))
          .contains("job r2, task " + TASK + ", doc 2: its stored result does not match");

      // a sample deleted (every piece still says done)
      submitSamplesOnly(fake, "r3");
      jdbc.sql("DELETE FROM work_sample WHERE job_id = 'r3' AND doc_id = 3").update();
      assertThat(mergeOnAWorker("r3"))
          .contains("job r3, task " + TASK + ", doc 3: its stored sample is missing");

      // and unsealed (the column cannot be NULL; an empty seal is none)
      submitSamplesOnly(fake, "r4");
      jdbc.sql("UPDATE work_sample SET seal = '' WHERE job_id = 'r4' AND doc_id = 0").update();
      assertThat(mergeOnAWorker("r4")).contains("job r4, task " + TASK + ", doc 0: it has no seal");
    }
  }

  /** Submits a run and lets a real worker store its samples, holding its merge back. */
  private Submission submitSamplesOnly(FakeOpenAiServer fake, String runId) throws Exception {
    var request = QueueFixture.evalRequest(fake.baseUrl(), runId, dir.resolve("out"));
    Submission submission =
        Submission.submit(
            fixture.queue(),
            fixture.seal(),
            new EvalStore(fixture.jdbc()),
            request,
            runId,
            2,
            dir.resolve("home"));
    fixture
        .jdbc()
        .sql("UPDATE work_shard SET status = 'HELD' WHERE job_id = ? AND merge")
        .param(runId)
        .update();
    var worker = new Worker(config(), fixture.dataSource(), QueueFixture.SECRET);
    Thread thread = Thread.ofPlatform().start(worker::run);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (samplesLeft(runId) > 0 && System.nanoTime() < deadline) {
      thread.join(20);
    }
    worker.stop();
    thread.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(samplesLeft(runId)).isZero();
    assertThat(
            fixture
                .jdbc()
                .sql("SELECT COUNT(*) FROM work_sample WHERE job_id = ?")
                .param(runId)
                .query(Integer.class)
                .single())
        .isEqualTo(4);
    return submission;
  }

  /** Lets a worker take the held merge; the run's last error, in English. */
  private String mergeOnAWorker(String runId) throws Exception {
    fixture
        .jdbc()
        .sql("UPDATE work_shard SET status = 'QUEUED' WHERE job_id = ? AND merge")
        .param(runId)
        .update();
    fixture.runWorkerUntilDone(runId, config());
    var progress = ShardProgress.of(fixture.queue(), runId).orElseThrow();
    assertThat(progress.status()).isEqualTo("FAILED");
    return UserError.inLanguage(String.valueOf(progress.lastError()), false);
  }

  private int samplesLeft(String runId) {
    return fixture
        .jdbc()
        .sql(
            "SELECT COUNT(*) FROM work_shard WHERE job_id = ? AND NOT merge"
                + " AND status <> 'DONE'")
        .param(runId)
        .query(Integer.class)
        .single();
  }

  private String record(String runId, int docId) {
    return fixture
        .jdbc()
        .sql("SELECT record FROM work_sample WHERE job_id = ? AND doc_id = ?")
        .params(runId, docId)
        .query(String.class)
        .single();
  }

  private Worker.Config config() {
    return new Worker.Config(
        "w", 2, null, Duration.ofSeconds(5), Duration.ofMillis(20), dir.resolve("w"));
  }
}
