package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import kr.gukdae.app.eval.EvalStore;
import kr.gukdae.model.openai.fake.FakeOpenAiServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How an eval piece's model errors end on the job queue: a fatal one (the endpoint refuses the key)
 * fails the job and its run at once, without a second claim; a retryable one that outlasts the
 * adapter's retries (the endpoint went away) is the sample's error, stored as one process journals
 * it, and the run finishes counting it.
 */
class EvalJobTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aFatalModelErrorFailsTheJobAndTheRunAtOnce(String database) throws Exception {
    var fixture = QueueFixture.open(database);
    try (var fake = FakeOpenAiServer.start(0, 0, "the-only-key")) {
      submit(fixture, fake, "fatal");
      QueueFixture.drain(runner(fixture));
      assertThat(status(fixture, "fatal")).isEqualTo("FAILED/FAILED");
      assertThat(mostAttempts(fixture, "fatal")).as("not retried").isEqualTo(1);
      assertThat(error(fixture, "fatal")).contains("401");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aRetryableErrorPastTheAdaptersRetriesIsTheSamplesErrorAsInOneProcess(String database)
      throws Exception {
    var fixture = QueueFixture.open(database);
    try (var fake = FakeOpenAiServer.start()) {
      submit(fixture, fake, "gone");
    } // the endpoint goes away: every request meets a closed port
    QueueFixture.drain(runner(fixture));
    // each sample stored with its error (a resume asks it again), each piece claimed once
    assertThat(status(fixture, "gone")).isEqualTo("DONE/DONE");
    assertThat(mostAttempts(fixture, "gone")).isEqualTo(1);
    assertThat(
            fixture
                .jdbc()
                .sql("SELECT errors FROM eval_run WHERE id = 'gone'")
                .query(Integer.class)
                .single())
        .isEqualTo(4);
    assertThat(
            fixture
                .jdbc()
                .sql("SELECT COUNT(*) FROM work_sample WHERE job_id = 'gone' AND NOT ok")
                .query(Integer.class)
                .single())
        .isEqualTo(4);
  }

  private void submit(QueueFixture fixture, FakeOpenAiServer fake, String runId) {
    var request = QueueFixture.evalRequest(fake.baseUrl(), runId, dir.resolve("out"));
    Submission.submit(
        fixture.queue(),
        fixture.seal(),
        new EvalStore(fixture.jdbc()),
        request,
        runId,
        4,
        dir.resolve("home"));
  }

  private JobRunner runner(QueueFixture fixture) {
    var config =
        new Worker.Config("w", 2, null, Duration.ofSeconds(30), Duration.ofMillis(10), dir);
    return new JobRunner(fixture.queue(), config, () -> false, fixture.seal());
  }

  private static String status(QueueFixture fixture, String runId) {
    return fixture
            .jdbc()
            .sql("SELECT status FROM work_job WHERE id = ?")
            .param(runId)
            .query(String.class)
            .single()
        + "/"
        + fixture.status(runId);
  }

  private static int mostAttempts(QueueFixture fixture, String runId) {
    return fixture
        .jdbc()
        .sql("SELECT MAX(attempts) FROM work_shard WHERE job_id = ? AND NOT merge")
        .param(runId)
        .query(Integer.class)
        .single();
  }

  /** The error the run failed with, both languages as stored. */
  private static String error(QueueFixture fixture, String runId) {
    return String.valueOf(ShardProgress.of(fixture.queue(), runId).orElseThrow().lastError());
  }
}
