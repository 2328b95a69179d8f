package kr.gukdae.app.workers;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.gukdae.UserError;
import kr.gukdae.app.eval.EvalRequest;
import kr.gukdae.app.eval.EvalService;
import kr.gukdae.app.eval.EvalStore;
import kr.gukdae.eval.Task;
import kr.gukdae.eval.run.EvalOutcome;
import kr.gukdae.eval.run.ProgressListener;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.Models;
import org.springframework.dao.DuplicateKeyException;

/**
 * A distributed run from its submitter's side: load and check the tasks here (so a typo fails now,
 * not on a worker), split each task's samples into shards, enqueue them as a job of kind {@link
 * EvalJob} (the job's id is the run's), wait, then write the run folder from the stored samples
 * exactly as a single process would.
 */
record Submission(String runId, JobSpec spec, EvalService.Loaded loaded, Path outputDir) {

  /** Who submitted, as the job list shows it (a run's submitter is a command, not an account). */
  static final String SUBMITTED_BY = "gukdae eval --shard-size";

  static Submission submit(
      JobQueue queue,
      JobSeal seal,
      EvalStore store,
      EvalRequest request,
      String runId,
      int shardSize,
      Path home) {
    if (shardSize < 1) {
      throw UserError.of(
          "--shard-size는 1 이상이어야 합니다. 받은 값: " + shardSize,
          "--shard-size must be at least 1, got " + shardSize);
    }
    if (request.resume()) {
      throw new IllegalArgumentException("a resumed run is not submitted again: use resume()");
    }
    Path output = request.outputDir() != null ? request.outputDir() : home.resolve("runs");
    EvalService.Loaded loaded;
    // loaded here to check the tasks and count their samples; the workers ask the judge
    try (ModelApi judge =
        request.judge() == null
            ? null
            : Models.open(EvalService.spec(request.judge(), request, home))) {
      loaded = EvalService.load(request, judge);
    }
    Map<String, String> hashes = new LinkedHashMap<>();
    List<EvalJob.Range> ranges = new ArrayList<>();
    for (Task task : loaded.tasks()) {
      hashes.put(task.name(), task.hash());
      int n = task.samples(request.limit()).size();
      for (int first = 0; first < n; first += shardSize) {
        ranges.add(new EvalJob.Range(task.name(), first, Math.min(n, first + shardSize)));
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
      store.started(
          runId, model, request.tasks(), output.resolve(runId), EvalService.dataSource(request));
      queue.submit(
          runId,
          new EvalJob(home, queue, seal),
          model,
          spec.toJson(),
          SUBMITTED_BY,
          EvalJob.pieces(ranges, endpoint),
          seal);
    } catch (DuplicateKeyException e) {
      throw UserError.of(
          "run '" + runId + "'이(가) 이미 있습니다. 다른 --run-id를 고르세요",
          "run '" + runId + "' already exists; choose another --run-id");
    }
    return new Submission(runId, spec, loaded, output);
  }

  /**
   * Resumes distributed run {@code runId} (`--resume RUN --shard-size N`): its failed shards go
   * back to the queue, and the workers ask only the samples not stored yet, as a resumed single
   * process asks only those missing from its journal. The run keeps the settings and shards it was
   * submitted with; a request that names other settings, or tasks that changed since, is refused. A
   * run still running is waited for; a finished one is merged again.
   */
  static Submission resume(JobQueue queue, EvalRequest request, Path home) {
    String runId = Objects.requireNonNull(request.runId(), "runId");
    String json =
        queue
            .jdbc()
            .sql("SELECT spec FROM work_job WHERE id = ? AND kind = ?")
            .params(runId, EvalJob.NAME)
            .query(String.class)
            .optional()
            .orElseThrow(() ->
                UserError.of(
                    "run " + runId + ": 이 데이터베이스에 그런 분산 실행이 없습니다. --shard-size 없이 재개하세요",
                    "run "
                        + runId
                        + ": no distributed run of that id in this database; resume it without"
                        + " --shard-size"));
    JobSpec spec = JobSpec.parse(json, runId);
    JobSpec asked = JobSpec.of(request, spec.taskHashes(), spec.startedAt());
    if (!asked.endpoint().equals(spec.endpoint()) || !asked.tasks().equals(spec.tasks())) {
      throw UserError.of(
          "run " + runId + ": 제출할 때와 다른 설정입니다 (모델, 엔드포인트, 과제, 한도 등). 같은 설정으로 재개하세요",
          "run "
              + runId
              + ": these settings differ from the ones it was submitted with (model, endpoint,"
              + " tasks, limit, …); resume it with the same settings");
    }
    EvalService.Loaded loaded;
    try (RunMerge.LoadedRun run = RunMerge.load(runId, spec, home)) {
      loaded = run.loaded(); // refused if a task changed since the submission
    }
    queue.requeueFailed(runId);
    Path output = request.outputDir() != null ? request.outputDir() : home.resolve("runs");
    return new Submission(runId, spec, loaded, output);
  }

  /** The endpoint permits are counted against: the server's URL, or the local adapter. */
  static String endpointOf(ModelApi api) {
    String endpoint = api.info().endpoint();
    return endpoint.isBlank() ? "local:" + api.info().adapter() : endpoint;
  }

  /**
   * An endpoint as a worker's {@code --endpoint} or {@code --set-limit} names it, written as the
   * OpenAI adapter writes it (a bare host gets {@code /v1}), so it matches the job's endpoint.
   */
  static String normalizeEndpoint(String url) {
    try (ModelApi api =
        Models.open(kr.gukdae.model.ModelSpec.parse("openai/endpoint").withBaseUrl(url))) {
      return endpointOf(api);
    }
  }

  /** Waits until the workers finished (or failed) the run, reporting samples as they finish. */
  void await(JobQueue queue, ProgressListener progress) {
    int reported = 0;
    boolean started = false;
    while (true) {
      ShardProgress p = ShardProgress.of(queue, runId).orElseThrow();
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
            throw UserError.of(
                "run " + runId + ": 실패했습니다: " + p.lastError() + " (자세한 내용은 워커 로그에 있습니다)",
                "run " + runId + " failed: " + p.lastError() + " (the worker logs say more)");
        default -> pause();
      }
    }
  }

  /**
   * Writes this machine's copy of the run folder under the output folder, from samples checked
   * against their seals (this process needs the workers' server secret).
   */
  EvalOutcome merge(JobQueue queue, JobSeal seal, Path home) {
    var samples = new WorkSamples(queue, seal);
    RunMerge.verify(samples, runId, spec, loaded);
    return RunMerge.merge(samples, queue.now(), runId, spec, loaded, outputDir, home);
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw UserError.of(
          "실행의 워커를 기다리는 중에 중단되었습니다", "interrupted while waiting for the run's workers");
    }
  }
}
