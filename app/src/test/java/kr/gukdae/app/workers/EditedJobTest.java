package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import kr.gukdae.UserError;
import kr.gukdae.app.eval.EvalRequest;
import kr.gukdae.app.eval.EvalStore;
import kr.gukdae.model.openai.fake.FakeOpenAiServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Someone with write access to the database edits a queued eval job to point at their own server,
 * hoping a worker sends its API key there. The job's spec is sealed, so a spec naming another
 * server is refused before anything runs; a piece's endpoint column (what workers filter on, not
 * sealed) edited alone is caught by the worker, which checks the model it opens against the
 * endpoint the piece was claimed for. Either way the other server gets no request and the run fails
 * with a message naming the edit; a worker allowed only the honest server never claims a piece
 * whose endpoint names the thief.
 */
class EditedJobTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aJobEditedToAnotherServerSendsItNothing(String database) throws Exception {
    var fixture = QueueFixture.open(database);
    var jdbc = fixture.jdbc();
    var queue = fixture.queue();
    var seal = JobSeal.of(QueueFixture.SECRET, dir);
    try (var honest = FakeOpenAiServer.start();
        var thief = FakeOpenAiServer.start()) {
      String thiefEndpoint = Submission.normalizeEndpoint(thief.baseUrl());

      // the piece's endpoint now names the thief: its endpoint seal (V980) refuses it right after
      // the claim (EvalJob's own check that the spec opens the row's endpoint stands behind it)
      Submission.submit(
          queue, seal, new EvalStore(jdbc), request(honest, "r1"), "r1", 2, dir.resolve("home"));
      jdbc.sql("UPDATE work_shard SET endpoint = ? WHERE job_id = 'r1' AND NOT merge")
          .param(thiefEndpoint)
          .update();
      fixture.runWorkerUntilDone("r1", config());
      var r1 = ShardProgress.of(queue, "r1").orElseThrow();
      assertThat(r1.status()).isEqualTo("FAILED");
      assertThat(UserError.inLanguage(String.valueOf(r1.lastError()), false))
          .contains("its endpoint (" + thiefEndpoint + ") does not match its seal")
          .contains("nothing was run");

      // the spec edited to name the thief: its seal refuses it before anything runs
      Submission.submit(
          queue, seal, new EvalStore(jdbc), request(honest, "r2"), "r2", 2, dir.resolve("home"));
      jdbc.sql("UPDATE work_job SET spec = REPLACE(spec, ?, ?) WHERE id = 'r2'")
          .params(honest.baseUrl(), thief.baseUrl())
          .update();
      fixture.runWorkerUntilDone("r2", config());
      var r2 = ShardProgress.of(queue, "r2").orElseThrow();
      assertThat(r2.status()).isEqualTo("FAILED");
      assertThat(UserError.inLanguage(String.valueOf(r2.lastError()), false))
          .contains("job r2")
          .contains("its spec does not match its seal");

      // both edited: a worker allowed only the honest server never takes the run
      Submission.submit(
          queue, seal, new EvalStore(jdbc), request(honest, "r3"), "r3", 2, dir.resolve("home"));
      jdbc.sql("UPDATE work_job SET spec = REPLACE(spec, ?, ?) WHERE id = 'r3'")
          .params(honest.baseUrl(), thief.baseUrl())
          .update();
      jdbc.sql("UPDATE work_shard SET endpoint = ? WHERE job_id = 'r3' AND NOT merge")
          .param(thiefEndpoint)
          .update();
      var claim =
          queue.claim(
              "w", Set.of(Submission.normalizeEndpoint(honest.baseUrl())), Duration.ofSeconds(5));
      assertThat(claim).isEmpty();

      assertThat(thief.requests("fake-m")).isZero();
      assertThat(honest.requests("fake-m")).isZero();
    }
  }

  private EvalRequest request(FakeOpenAiServer honest, String runId) {
    return QueueFixture.evalRequest(honest.baseUrl(), runId, dir.resolve("out"));
  }

  private Worker.Config config() {
    return new Worker.Config(
        "w", 2, null, Duration.ofSeconds(5), Duration.ofMillis(20), dir.resolve("w"));
  }
}
