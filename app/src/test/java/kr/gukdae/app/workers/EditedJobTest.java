package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import kr.gukdae.app.eval.EvalRequest;
import kr.gukdae.app.eval.EvalStore;
import kr.gukdae.model.openai.fake.FakeOpenAiServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Someone with write access to the database edits a queued job to point at their own server, hoping
 * a worker sends its API key there. The worker checks the model it opens against the endpoint it
 * was allowed to claim for, so the other server gets no request: the run fails with a message
 * naming the edit, or the worker never claims it.
 */
class EditedJobTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aJobEditedToAnotherServerSendsItNothing(String database) throws Exception {
    var fixture = QueueFixture.open(database);
    var jdbc = fixture.jdbc();
    var queue = fixture.queue();
    try (var honest = FakeOpenAiServer.start();
        var thief = FakeOpenAiServer.start()) {
      var request =
          EvalRequest.builder("openai/fake-m")
              .baseUrl(honest.baseUrl())
              .apiKeyEnv("GUKDAE_TEST_NO_KEY")
              .tasks(List.of("demo/ko_knowledge"))
              .limit(4)
              .concurrency(2)
              .outputDir(dir.resolve("out"))
              .runId("r1")
              .maxRetries(0)
              .requestTimeout(Duration.ofSeconds(5))
              .responseCache(false)
              .build();
      Submission.submit(queue, new EvalStore(jdbc), request, "r1", 2, dir.resolve("home"));
      // the spec now names the thief; the endpoint column (what workers filter on) does not
      jdbc.sql("UPDATE eval_job SET spec = REPLACE(spec, ?, ?) WHERE run_id = 'r1'")
          .params(honest.baseUrl(), thief.baseUrl())
          .update();
      fixture.runWorkerUntilDone(
          "r1",
          new Worker.Config(
              "w", 2, null, Duration.ofSeconds(5), Duration.ofMillis(20), dir.resolve("w")));
      assertThat(ShardProgress.of(queue, "r1").orElseThrow().status()).isEqualTo("FAILED");
      assertThat(ShardProgress.of(queue, "r1").orElseThrow().lastError())
          .contains("eval_job row was changed");

      // both edited: a worker allowed only the honest server never takes the run
      Submission.submit(
          queue,
          new EvalStore(jdbc),
          EvalRequest.builder(request.model())
              .baseUrl(request.baseUrl())
              .apiKeyEnv(request.apiKeyEnv())
              .tasks(request.tasks())
              .limit(4)
              .concurrency(2)
              .outputDir(dir.resolve("out"))
              .runId("r2")
              .maxRetries(0)
              .requestTimeout(Duration.ofSeconds(5))
              .responseCache(false)
              .build(),
          "r2",
          2,
          dir.resolve("home"));
      jdbc.sql("UPDATE eval_job SET spec = REPLACE(spec, ?, ?), endpoint = ? WHERE run_id = 'r2'")
          .params(honest.baseUrl(), thief.baseUrl(), thief.baseUrl())
          .update();
      var claim = queue.claim("w", Set.of(honest.baseUrl()), Duration.ofSeconds(5));
      assertThat(claim).isEmpty();

      assertThat(thief.requests("fake-m")).isZero();
      assertThat(honest.requests("fake-m")).isZero();
    }
  }
}
