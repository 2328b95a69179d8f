package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.app.eval.EvalStore;
import kr.gukdae.model.ModelException;
import kr.gukdae.model.openai.fake.FakeOpenAiServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A piece that meets a retryable model error (the endpoint said 429 or 503 just as the piece
 * started) goes back to the queue with its attempt counted and the error kept; the next claim runs
 * it to done. A piece that meets it on every claim fails its job and its run after {@link
 * JobQueue#MAX_ATTEMPTS} claims, with the reason in Korean and English. The error is thrown by the
 * runner's start hook, where the piece's first request would have met it.
 */
class RetryableReleaseTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aRetryableFailureIsReleasedCountedAndRunToDoneByTheNextClaim(String database)
      throws Exception {
    var fixture = QueueFixture.open(database);
    try (var fake = FakeOpenAiServer.start()) {
      submit(fixture, fake, "once");
      JobRunner runner = runner(fixture);
      int[] starts = {0};
      runner.onStarting(c -> {
        if (!c.merge() && starts[0]++ == 0) {
          throw busy();
        }
      });

      assertThat(runner.runNext()).isTrue();
      assertThat(shard(fixture, "once", "status")).isEqualTo("QUEUED");
      assertThat(shard(fixture, "once", "attempts")).isEqualTo("1");
      assertThat(shard(fixture, "once", "worker")).isNull();
      assertThat(shard(fixture, "once", "last_error")).startsWith("w: ").contains("HTTP 429");
      assertThat(fake.requests("fake-m")).as("nothing asked before the failure").isZero();

      QueueFixture.drain(runner);
      assertThat(shard(fixture, "once", "status")).isEqualTo("DONE");
      assertThat(shard(fixture, "once", "attempts")).as("the second claim ran it").isEqualTo("2");
      assertThat(fixture.status("once")).isEqualTo("DONE");
      assertThat(run(fixture, "once")).isEqualTo("DONE");
      assertThat(
              fixture
                  .jdbc()
                  .sql("SELECT COUNT(*) FROM work_sample WHERE job_id = 'once' AND ok")
                  .query(Integer.class)
                  .single())
          .as("every sample answered")
          .isEqualTo(4);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void triesUsedUpFailTheJobAndItsRunWithABilingualReason(String database) throws Exception {
    var fixture = QueueFixture.open(database);
    try (var fake = FakeOpenAiServer.start()) {
      submit(fixture, fake, "always");
      JobRunner runner = runner(fixture);
      int[] starts = {0};
      runner.onStarting(c -> {
        starts[0]++;
        throw busy();
      });

      QueueFixture.drain(runner);
      assertThat(starts[0]).as("one start per claim").isEqualTo(JobQueue.MAX_ATTEMPTS);
      assertThat(fixture.status("always")).isEqualTo("FAILED");
      assertThat(run(fixture, "always")).isEqualTo("FAILED");
      assertThat(fake.requests("fake-m")).isZero();

      String reason =
          fixture
              .jdbc()
              .sql("SELECT error FROM work_job WHERE id = 'always'")
              .query(String.class)
              .single();
      String korean = UserError.inLanguage(reason, true);
      String english = UserError.inLanguage(reason, false);
      assertThat(korean).contains("4번", "HTTP 429");
      assertThat(UserError.hasKorean(english)).as(english).isFalse();
      assertThat(english)
          .contains("shard 0", "claimed " + JobQueue.MAX_ATTEMPTS + " times", "HTTP 429");
      assertThat(
              fixture
                  .jdbc()
                  .sql("SELECT error FROM eval_run WHERE id = 'always'")
                  .query(String.class)
                  .single())
          .isEqualTo(reason);
    }
  }

  private static ModelException busy() {
    return new ModelException(
        ModelException.Kind.RETRYABLE,
        UserError.both(
            "엔드포인트가 HTTP 429로 답했습니다. 다시 시도합니다", "the endpoint answered HTTP 429; will retry"));
  }

  private void submit(QueueFixture fixture, FakeOpenAiServer fake, String runId) {
    Submission.submit(
        fixture.queue(),
        fixture.seal(),
        new EvalStore(fixture.jdbc()),
        QueueFixture.evalRequest(fake.baseUrl(), runId, dir.resolve("out")),
        runId,
        4,
        dir.resolve("home"));
  }

  private JobRunner runner(QueueFixture fixture) {
    var config =
        new Worker.Config("w", 2, null, Duration.ofSeconds(30), Duration.ofMillis(10), dir);
    return new JobRunner(fixture.queue(), config, () -> false, fixture.seal());
  }

  /** A column of the run's one piece, as text ({@code null} when it is NULL). */
  private static @Nullable String shard(QueueFixture fixture, String runId, String column) {
    List<@Nullable String> values =
        fixture
            .jdbc()
            .sql("SELECT " + column + " FROM work_shard WHERE job_id = ? AND NOT merge")
            .param(runId)
            .query((rs, n) -> rs.getString(1))
            .list();
    assertThat(values).hasSize(1);
    return values.getFirst();
  }

  private static String run(QueueFixture fixture, String runId) {
    return fixture
        .jdbc()
        .sql("SELECT status FROM eval_run WHERE id = ?")
        .param(runId)
        .query(String.class)
        .single();
  }
}
