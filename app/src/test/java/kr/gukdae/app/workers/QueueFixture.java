package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import kr.gukdae.app.eval.EvalRequest;
import kr.gukdae.store.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The job queue on a fresh, migrated H2 or PostgreSQL database, as the workers tests share it: an
 * eval run of ten-sample pieces of one task submitted as a submitter would, and a real worker run
 * on a thread of this process until a run ends.
 */
record QueueFixture(DataSource dataSource, JobQueue queue, JdbcClient jdbc) {

  /** The server secret the fixture's workers seal under (a submitter merging needs the same). */
  static final String SECRET = "queue-fixture-secret-0123456789ab";

  /** The endpoint the fixture's runs name; nothing listens there. */
  static final String ENDPOINT = "http://127.0.0.1:1/v1";

  /** Lets the runners take turns until none finds anything left to run. */
  static void drain(JobRunner... runners) {
    boolean any = true;
    while (any) {
      any = false;
      for (JobRunner r : runners) {
        any |= r.runNext();
      }
    }
  }

  /** The task the fixture's real eval runs ask (a fake model answers them). */
  static final String EVAL_TASK = "demo/ko_knowledge";

  /**
   * A small real eval run against a fake OpenAI server at {@code baseUrl}: four samples of {@link
   * #EVAL_TASK}, two requests at a time, no retries, a 5 s timeout and no response cache, so every
   * sample is asked and an error shows at once. Results go under {@code out}.
   */
  static EvalRequest evalRequest(String baseUrl, String runId, Path out) {
    return EvalRequest.builder("openai/fake-m")
        .baseUrl(baseUrl)
        .apiKeyEnv("GUKDAE_TEST_NO_KEY")
        .tasks(List.of(EVAL_TASK))
        .limit(4)
        .concurrency(2)
        .outputDir(out)
        .runId(runId)
        .maxRetries(0)
        .requestTimeout(Duration.ofSeconds(5))
        .responseCache(false)
        .build();
  }

  static QueueFixture open(String database) throws Exception {
    DataSource ds = TestDatabases.migrated(database);
    return new QueueFixture(ds, new JobQueue(ds), JdbcClient.create(ds));
  }

  /** The seal the fixture's runs are submitted and their samples stored under. */
  JobSeal seal() {
    return JobSeal.of(SECRET, Path.of("unused"));
  }

  /** Run {@code runId}: {@code shards} pieces of ten samples each of task {@code t/a}. */
  void submit(String runId, int shards) {
    jdbc.sql(
            "INSERT INTO eval_run (id, model, tasks, status, started_at)"
                + " VALUES (?, 'openai/m', 't/a', 'RUNNING', CURRENT_TIMESTAMP)")
        .param(runId)
        .update();
    List<EvalJob.Range> ranges = new ArrayList<>();
    for (int i = 0; i < shards; i++) {
      ranges.add(new EvalJob.Range("t/a", i * 10, i * 10 + 10));
    }
    var request =
        EvalRequest.builder("openai/m")
            .apiKeyEnv("KEY")
            .tasks(List.of("t/a"))
            .concurrency(4)
            .maxRetries(1)
            .requestTimeout(Duration.ofSeconds(10))
            .responseCache(false)
            .build();
    queue.submit(
        runId,
        new EvalJob(Path.of("unused"), queue, seal()),
        "openai/m",
        JobSpec.of(request, Map.of("t/a", "h"), 0).toJson(),
        "test",
        EvalJob.pieces(ranges, ENDPOINT),
        seal());
  }

  /**
   * Runs a real worker on a thread of this process until run {@code runId} is no longer running.
   */
  void runWorkerUntilDone(String runId, Worker.Config config) throws Exception {
    var worker = new Worker(config, dataSource, SECRET);
    Thread thread = Thread.ofPlatform().start(worker::run);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (status(runId).equals("RUNNING") && System.nanoTime() < deadline) {
      thread.join(20);
    }
    worker.stop();
    thread.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(thread.isAlive()).isFalse();
  }

  String status(String runId) {
    return Objects.requireNonNull(ShardProgress.of(queue, runId).orElseThrow().status());
  }
}
