package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kr.gukdae.UserError;
import kr.gukdae.app.eval.EvalRequest;
import kr.gukdae.app.eval.EvalStore;
import kr.gukdae.eval.run.EvalOutcome;
import kr.gukdae.model.openai.fake.FakeOpenAiServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code gukdae eval --resume RUN --shard-size N}: a distributed run that failed halfway (its
 * endpoint went away) is resumed; only the samples not stored are asked again, so the two halves
 * together ask the model exactly what one process asks, and the results equal the single-process
 * run's. A finished run resumed asks nothing; other settings and unknown runs are refused.
 */
class ShardedResumeTest {

  private static final String MODEL = "fake-resume";

  @TempDir Path dir;

  private QueueFixture fixture;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aFailedRunResumedAsksOnlyTheSamplesNotStoredAndEqualsOneProcess(String database)
      throws Exception {
    fixture = QueueFixture.open(database);
    var jdbc = fixture.jdbc();
    var queue = fixture.queue();
    Path home = dir.resolve("home");
    JobSeal seal = JobSeal.of(QueueFixture.SECRET, home);
    try (var fake = FakeOpenAiServer.start()) {
      EvalOutcome alone =
          RunFiles.single(request(fake, "single", 8), dir.resolve("single"), "single", home);
      long oneProcess = fake.requests(MODEL);
      assertThat(oneProcess).isGreaterThanOrEqualTo(8);

      // half the shards run, then the run fails (as a fatal model error fails it)
      Submission.submit(
          queue, fixture.seal(), new EvalStore(jdbc), request(fake, "r", 8), "r", 2, home);
      jdbc.sql(
              "UPDATE work_shard SET status = 'HELD' WHERE job_id = 'r'"
                  + " AND (merge OR shard_no >= 2)")
          .update();
      runWorkerUntilDoneShards("r", 2);
      queue.fail("r", "the endpoint went away");
      assertThat(fixture.status("r")).isEqualTo("FAILED");
      long firstHalf = fake.requests(MODEL) - oneProcess;
      assertThat(firstHalf).isPositive().isLessThan(oneProcess);

      // other settings, or a run this database never saw, are refused before anything is queued
      assertThatThrownBy(() -> Submission.resume(queue, resume(fake, "r", 6), home))
          .isInstanceOf(UserError.class)
          .satisfies(e ->
              assertThat(((UserError) e).message(false)).contains("differ from the ones it was"));
      assertThatThrownBy(() -> Submission.resume(queue, resume(fake, "nope", 8), home))
          .isInstanceOf(UserError.class)
          .satisfies(e ->
              assertThat(((UserError) e).message(false)).contains("run nope: no distributed run"));
      assertThat(fixture.status("r")).isEqualTo("FAILED");

      Submission resumed = Submission.resume(queue, resume(fake, "r", 8), home);
      assertThat(fixture.status("r")).isEqualTo("RUNNING");
      fixture.runWorkerUntilDone("r", config());
      assertThat(fixture.status("r")).isEqualTo("DONE");
      // no sample asked twice: both halves together asked exactly what one process asked
      assertThat(fake.requests(MODEL) - oneProcess).isEqualTo(oneProcess);
      EvalOutcome sharded = resumed.merge(queue, seal, home);
      assertThat(RunFiles.comparable(sharded.resultsFile()))
          .isEqualTo(RunFiles.comparable(alone.resultsFile()));
      assertThat(RunFiles.sampleLines(sharded.resultsFile().getParent()))
          .isEqualTo(RunFiles.inTaskOrder(RunFiles.sampleLines(alone.resultsFile().getParent())));

      // a finished run resumed asks nothing and merges the same results
      long done = fake.requests(MODEL);
      Submission again = Submission.resume(queue, resume(fake, "r", 8), home);
      again.await(queue, kr.gukdae.eval.run.ProgressListener.NONE);
      assertThat(RunFiles.comparable(again.merge(queue, seal, home).resultsFile()))
          .isEqualTo(RunFiles.comparable(alone.resultsFile()));
      assertThat(fake.requests(MODEL)).isEqualTo(done);
    }
  }

  /** Runs a real worker until {@code shards} sample shards of the run are done. */
  private void runWorkerUntilDoneShards(String runId, int shards) throws Exception {
    var worker = new Worker(config(), fixture.dataSource(), QueueFixture.SECRET);
    Thread thread = Thread.ofPlatform().start(worker::run);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (done(runId) < shards && System.nanoTime() < deadline) {
      thread.join(20);
    }
    worker.stop();
    thread.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(done(runId)).isEqualTo(shards);
  }

  private int done(String runId) {
    return fixture
        .jdbc()
        .sql("SELECT COUNT(*) FROM work_shard WHERE job_id = ? AND status = 'DONE'")
        .param(runId)
        .query(Integer.class)
        .single();
  }

  private EvalRequest.Builder builder(FakeOpenAiServer fake, int limit) {
    return EvalRequest.builder("openai/" + MODEL)
        .baseUrl(fake.baseUrl())
        .apiKeyEnv("GUKDAE_TEST_NO_KEY")
        .tasks(List.of("demo/ko_knowledge"))
        .limit(limit)
        .concurrency(2)
        .outputDir(dir.resolve("out"))
        .maxRetries(0)
        .requestTimeout(Duration.ofSeconds(10))
        .responseCache(false);
  }

  private EvalRequest request(FakeOpenAiServer fake, String runId, int limit) {
    return builder(fake, limit).runId(runId).build();
  }

  private EvalRequest resume(FakeOpenAiServer fake, String runId, int limit) {
    return builder(fake, limit).resume(runId).build();
  }

  private Worker.Config config() {
    return new Worker.Config(
        "w", 2, null, Duration.ofSeconds(5), Duration.ofMillis(20), dir.resolve("w"));
  }
}
