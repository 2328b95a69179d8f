package kr.gukdae.app.workers;

import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import kr.gukdae.app.eval.EvalRequest;
import kr.gukdae.app.eval.EvalService;
import kr.gukdae.app.eval.EvalStore;
import kr.gukdae.app.eval.ShardedRuns;
import kr.gukdae.eval.run.EvalOutcome;
import kr.gukdae.eval.run.ProgressListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Submits distributed runs, waits for them, and reports their progress. */
@Service
class Workers implements ShardedRuns {

  /** A worker that has not beaten for this long is shown as gone. */
  static final int ALIVE_SECONDS = 60;

  private final JobQueue queue;
  private final EvalService service;
  private final EvalStore store;
  private final Path home;
  private final JobSeal seal;

  Workers(
      DataSource dataSource,
      EvalService service,
      EvalStore store,
      @Value("${gukdae.home}") Path home,
      @Value("${gukdae.secret:}") String secret) {
    this.queue = new JobQueue(dataSource);
    this.service = service;
    this.store = store;
    this.home = home;
    this.seal = JobSeal.of(secret, home);
  }

  @Override
  public EvalOutcome run(EvalRequest request, int shardSize, ProgressListener progress) {
    String runId = request.runId() != null ? request.runId() : service.newRunId();
    Submission submission =
        request.resume()
            ? Submission.resume(queue, request, home)
            : Submission.submit(queue, seal, store, request, runId, shardSize, home);
    submission.await(queue, progress);
    return submission.merge(queue, seal, home);
  }

  /** Enqueues a distributed run for the workers and returns at once (REST); its id. */
  String submit(EvalRequest request, int shardSize) {
    String runId = request.runId() != null ? request.runId() : service.newRunId();
    Submission.submit(queue, seal, store, request, runId, shardSize, home);
    return runId;
  }

  Optional<ShardProgress> progress(String runId) {
    return ShardProgress.of(queue, runId);
  }
}
