package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.app.eval.EvalStore;
import kr.gukdae.model.ModelException;
import kr.gukdae.model.openai.fake.FakeOpenAiServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A piece that meets a retryable model error (the endpoint said 429 or 503 just as the piece
 * started) goes back to the queue with its attempt counted and the error kept; the next claim runs
 * it to done once its backoff is over, never before. A piece that meets it on every claim fails its
 * job and its run after {@link JobQueue#MAX_ATTEMPTS} claims, with the reason in Korean and
 * English. The error is thrown by the runner's start hook, where the piece's first request would
 * have met it.
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

      OffsetDateTime before = fixture.queue().now();
      assertThat(runner.runNext()).isTrue();
      OffsetDateTime after = fixture.queue().now();
      assertThat(shard(fixture, "once", "status")).isEqualTo("QUEUED");
      assertThat(shard(fixture, "once", "attempts")).isEqualTo("1");
      assertThat(shard(fixture, "once", "worker")).isNull();
      assertThat(shard(fixture, "once", "last_error")).startsWith("w: ").contains("HTTP 429");
      assertThat(fake.requests("fake-m")).as("nothing asked before the failure").isZero();
      // it waits out its backoff in the database's clock: no claim before, one after
      assertThat(notBefore(fixture, "once"))
          .isBetween(before.plus(JobQueue.FIRST_BACKOFF), after.plus(JobQueue.FIRST_BACKOFF));
      assertThat(runner.runNext()).as("not claimable before its time").isFalse();
      assertThat(shard(fixture, "once", "attempts")).isEqualTo("1");
      due(fixture, "once");

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

      int releases = 0;
      while (true) {
        OffsetDateTime before = fixture.queue().now();
        QueueFixture.drain(runner);
        OffsetDateTime after = fixture.queue().now();
        if ("FAILED".equals(fixture.status("always"))) {
          break;
        }
        // each try waits twice as long as the one before: 1 s, 2 s, 4 s, 8 s
        Duration wait = JobQueue.FIRST_BACKOFF.multipliedBy(1L << releases++);
        assertThat(notBefore(fixture, "always")).isBetween(before.plus(wait), after.plus(wait));
        assertThat(runner.runNext()).as("not claimable before its time").isFalse();
        due(fixture, "always");
      }
      assertThat(releases).isEqualTo(JobQueue.MAX_ATTEMPTS);
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

  @Test
  void theBackoffDoublesFromOneSecondUpToAMinute() {
    assertThat(
            List.of(1, 2, 3, 4, 5, 6, 7, 8, 1_000, Integer.MAX_VALUE).stream()
                .map(JobQueue::backoff)
                .map(Duration::toSeconds))
        .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L, 60L);
  }

  /** The database time before which the run's piece may not be claimed. */
  private static OffsetDateTime notBefore(QueueFixture fixture, String runId) {
    OffsetDateTime notBefore =
        fixture
            .jdbc()
            .sql("SELECT not_before FROM work_shard WHERE job_id = ? AND NOT merge")
            .param(runId)
            .query(OffsetDateTime.class)
            .single();
    assertThat(notBefore).as("a released piece has a time before which it waits").isNotNull();
    return notBefore;
  }

  /** Moves the piece's time to a second ago in the database's clock, as if its wait were over. */
  private static void due(QueueFixture fixture, String runId) {
    fixture
        .jdbc()
        .sql("UPDATE work_shard SET not_before = ? WHERE job_id = ? AND NOT merge")
        .params(fixture.queue().now().minusSeconds(1), runId)
        .update();
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
