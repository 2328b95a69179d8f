package kr.gukdae.app.workers;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import kr.gukdae.UserError;
import kr.gukdae.app.eval.EvalRequest;
import kr.gukdae.app.eval.EvalService;
import kr.gukdae.app.eval.EvalStore;
import kr.gukdae.app.eval.ShardedRuns;
import kr.gukdae.eval.Task;
import kr.gukdae.eval.run.EvalOutcome;
import kr.gukdae.eval.run.ProgressListener;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.Models;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Submits distributed runs, waits for them, and reports their progress. */
@Service
class Workers implements ShardedRuns {

  /** A worker that has not beaten for this long is shown as gone. */
  static final int ALIVE_SECONDS = 60;

  private final ShardQueue queue;
  private final EvalService service;
  private final EvalStore store;
  private final Path home;

  Workers(
      DataSource dataSource,
      EvalService service,
      EvalStore store,
      @Value("${gukdae.home}") Path home) {
    this.queue = new ShardQueue(dataSource);
    this.service = service;
    this.store = store;
    this.home = home;
  }

  ShardQueue queue() {
    return queue;
  }

  @Override
  public EvalOutcome run(EvalRequest request, int shardSize, ProgressListener progress) {
    if (shardSize < 1) {
      throw new UserError("--shard-size must be at least 1, got " + shardSize);
    }
    if (request.judge() != null || request.resume()) {
      throw new UserError(
          "--shard-size does not take --judge or --resume yet; run without --shard-size");
    }
    String runId = request.runId() != null ? request.runId() : service.newRunId();
    Path output = request.outputDir() != null ? request.outputDir() : home.resolve("runs");
    EvalService.Loaded loaded = EvalService.load(request, null);
    Map<String, String> hashes = new LinkedHashMap<>();
    List<ShardQueue.Range> ranges = new ArrayList<>();
    for (Task task : loaded.tasks()) {
      hashes.put(task.name(), task.hash());
      int n = task.samples(request.limit()).size();
      for (int first = 0; first < n; first += shardSize) {
        ranges.add(new ShardQueue.Range(task.name(), first, Math.min(n, first + shardSize)));
      }
    }
    JobSpec spec = JobSpec.of(request, hashes, Instant.now().toEpochMilli() / 1000.0);
    String model;
    String endpoint;
    try (ModelApi api = Models.open(EvalService.spec(request.model(), request, home))) {
      model = api.name();
      endpoint = endpointOf(api);
    }
    try {
      store.started(runId, model, request.tasks(), output.resolve(runId));
      queue.submit(runId, spec, endpoint, ranges);
    } catch (DuplicateKeyException e) {
      throw new UserError("run '" + runId + "' already exists; choose another --run-id");
    }
    await(runId, progress);
    return RunMerge.merge(queue, runId, spec, loaded, output, home);
  }

  /** The endpoint permits are counted against: the server's URL, or the local adapter. */
  static String endpointOf(ModelApi api) {
    String endpoint = api.info().endpoint();
    return endpoint.isBlank() ? "local:" + api.info().adapter() : endpoint;
  }

  private void await(String runId, ProgressListener progress) {
    int reported = 0;
    boolean started = false;
    while (true) {
      ShardProgress p = progress(runId).orElseThrow();
      if (!started) {
        progress.started(p.samplesTotal(), p.samplesDone());
        reported = p.samplesDone();
        started = true;
      }
      for (; reported < p.samplesDone(); reported++) {
        progress.sampleFinished(true);
      }
      switch (p.status()) {
        case "DONE" -> {
          return;
        }
        case "FAILED" ->
            throw new UserError(
                "run " + runId + " failed: " + p.lastError() + " (gukdae worker logs say more)");
        default -> pause();
      }
    }
  }

  Optional<ShardProgress> progress(String runId) {
    var jdbc = queue.jdbc();
    Optional<String> status =
        jdbc.sql("SELECT status FROM eval_run WHERE id = ?")
            .param(runId)
            .query(String.class)
            .optional();
    boolean distributed =
        jdbc.sql("SELECT COUNT(*) FROM eval_job WHERE run_id = ?")
                .param(runId)
                .query(Integer.class)
                .single()
            > 0;
    if (status.isEmpty() || !distributed) {
      return Optional.empty();
    }
    Map<String, Integer> byStatus = new LinkedHashMap<>();
    int[] samplesTotal = {0};
    jdbc.sql(
            "SELECT status, COUNT(*), COALESCE(SUM(end_index - first_index), 0) FROM eval_shard"
                + " WHERE run_id = ? AND kind = 'SAMPLES' GROUP BY status")
        .param(runId)
        .query(rs -> {
          byStatus.put(rs.getString(1), rs.getInt(2));
          samplesTotal[0] += rs.getInt(3);
        });
    String lastError =
        jdbc.sql(
                "SELECT last_error FROM eval_shard WHERE run_id = ? AND last_error IS NOT NULL"
                    + " ORDER BY shard_no LIMIT 1")
            .param(runId)
            .query(String.class)
            .optional()
            .orElse(null);
    int total = byStatus.values().stream().mapToInt(Integer::intValue).sum();
    return Optional.of(
        new ShardProgress(
            runId,
            status.get(),
            total,
            byStatus.getOrDefault("DONE", 0),
            byStatus.getOrDefault("RUNNING", 0),
            byStatus.getOrDefault("QUEUED", 0),
            byStatus.getOrDefault("FAILED", 0),
            samplesTotal[0],
            queue.answeredCount(runId),
            lastError,
            new WorkerRegistry(queue).workers(ALIVE_SECONDS)));
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while waiting for run workers");
    }
  }
}
