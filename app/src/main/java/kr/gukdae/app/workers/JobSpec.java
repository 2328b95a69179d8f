package kr.gukdae.app.workers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.gukdae.UserError;
import kr.gukdae.app.eval.EvalRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every worker needs to evaluate a shard of a run exactly as a single process would: how to
 * reach the model (never an API key: workers read the key from their own environment variable named
 * here), what to evaluate and how to score it, and the hash of each task's definition and data when
 * the run was submitted, so a worker whose copy of a task differs refuses instead of mixing two
 * versions of a benchmark. Made from the submitter's {@link EvalRequest} by {@link #of} and turned
 * back into one by {@link #request}: every setting of a request that shapes the results travels
 * (JobSpecTest checks each one).
 */
record JobSpec(Endpoint endpoint, Tasks tasks, Map<String, String> taskHashes, double startedAt) {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** The model and how it is asked: its server, key variable, parallelism, retries, timeout. */
  record Endpoint(
      String model,
      @Nullable String baseUrl,
      String apiKeyEnv,
      int concurrency,
      int maxRetries,
      long timeoutSeconds,
      boolean responseCache) {
    Endpoint {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
      if (concurrency < 1) {
        throw new IllegalArgumentException("concurrency must be at least 1");
      }
    }
  }

  /**
   * The tasks and what shapes their prompts and scores: task folders and data as absolute paths
   * (the same files on every worker), limit, shots, few-shot examples as chat turns, and the judge
   * model of model-graded scorers (asked at the same endpoint as the model).
   */
  record Tasks(
      List<String> names,
      List<String> dirs,
      @Nullable String dataDir,
      @Nullable Integer limit,
      @Nullable Integer numFewshot,
      boolean fewshotAsMultiturn,
      @Nullable String judge) {
    Tasks {
      names = List.copyOf(names);
      dirs = List.copyOf(dirs);
    }
  }

  JobSpec {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(tasks, "tasks");
    taskHashes = Map.copyOf(taskHashes);
  }

  static JobSpec of(EvalRequest request, Map<String, String> taskHashes, double startedAt) {
    return new JobSpec(
        new Endpoint(
            request.model(),
            request.baseUrl(),
            request.apiKeyEnv(),
            request.concurrency(),
            request.maxRetries(),
            request.requestTimeout().toSeconds(),
            request.responseCache()),
        new Tasks(
            request.tasks(),
            request.taskDirs().stream().map(p -> p.toAbsolutePath().toString()).toList(),
            request.dataDir() == null ? null : request.dataDir().toAbsolutePath().toString(),
            request.limit(),
            request.numFewshot(),
            request.fewshotAsMultiturn(),
            request.judge()),
        taskHashes,
        startedAt);
  }

  /** The request a worker runs its shard under; paths name the same files on every worker. */
  EvalRequest request(String runId) {
    return EvalRequest.builder(endpoint.model())
        .baseUrl(endpoint.baseUrl())
        .apiKeyEnv(endpoint.apiKeyEnv())
        .concurrency(endpoint.concurrency())
        .maxRetries(endpoint.maxRetries())
        .requestTimeout(Duration.ofSeconds(endpoint.timeoutSeconds()))
        .responseCache(endpoint.responseCache())
        .tasks(tasks.names())
        .taskDirs(tasks.dirs().stream().map(Path::of).toList())
        .dataDir(tasks.dataDir() == null ? null : Path.of(tasks.dataDir()))
        .limit(tasks.limit())
        .numFewshot(tasks.numFewshot())
        .fewshotAsMultiturn(tasks.fewshotAsMultiturn())
        .judge(tasks.judge())
        .runId(runId)
        .build();
  }

  String toJson() {
    return JSON.writeValueAsString(this);
  }

  static JobSpec parse(String json, String runId) {
    try {
      return JSON.readValue(json, JobSpec.class);
    } catch (JacksonException e) {
      throw UserError.of(
          "run "
              + runId
              + "의 작업 명세(work_job.spec)는 이 워커가 이해하지 못하는 작업입니다 ("
              + e.getOriginalMessage()
              + "). 제출한 쪽과 같은 gukdae 버전의 워커를 실행하세요",
          "the job spec (work_job.spec) of run "
              + runId
              + " is not a job this worker understands ("
              + e.getOriginalMessage()
              + "); run workers of the same gukdae version as the submitter");
    }
  }
}
