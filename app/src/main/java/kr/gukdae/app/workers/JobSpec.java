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
 * What every worker needs to evaluate a shard of a run exactly as a single process would: the
 * request (never an API key: workers read the key from their own environment variable named here)
 * and the hash of each task's definition and data when the run was submitted, so a worker whose
 * copy of a task differs refuses instead of mixing two versions of a benchmark.
 */
record JobSpec(
    String model,
    @Nullable String baseUrl,
    String apiKeyEnv,
    List<String> tasks,
    List<String> taskDirs,
    @Nullable String dataDir,
    @Nullable Integer limit,
    @Nullable Integer numFewshot,
    int concurrency,
    int maxRetries,
    long timeoutSeconds,
    boolean responseCache,
    Map<String, String> taskHashes,
    double startedAt) {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  JobSpec {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
    tasks = List.copyOf(tasks);
    taskDirs = List.copyOf(taskDirs);
    taskHashes = Map.copyOf(taskHashes);
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
  }

  static JobSpec of(EvalRequest request, Map<String, String> taskHashes, double startedAt) {
    return new JobSpec(
        request.model(),
        request.baseUrl(),
        request.apiKeyEnv(),
        request.tasks(),
        request.taskDirs().stream().map(p -> p.toAbsolutePath().toString()).toList(),
        request.dataDir() == null ? null : request.dataDir().toAbsolutePath().toString(),
        request.limit(),
        request.numFewshot(),
        request.concurrency(),
        request.maxRetries(),
        request.requestTimeout().toSeconds(),
        request.responseCache(),
        taskHashes,
        startedAt);
  }

  /** The request a worker runs its shard under; paths name the same files on every worker. */
  EvalRequest request(String runId) {
    return EvalRequest.builder(model)
        .baseUrl(baseUrl)
        .apiKeyEnv(apiKeyEnv)
        .tasks(tasks)
        .taskDirs(taskDirs.stream().map(Path::of).toList())
        .dataDir(dataDir == null ? null : Path.of(dataDir))
        .limit(limit)
        .numFewshot(numFewshot)
        .concurrency(concurrency)
        .runId(runId)
        .maxRetries(maxRetries)
        .requestTimeout(Duration.ofSeconds(timeoutSeconds))
        .responseCache(responseCache)
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
              + "의 eval_job.spec은 이 워커가 이해하지 못하는 작업입니다 ("
              + e.getOriginalMessage()
              + "). 제출한 쪽과 같은 gukdae 버전의 워커를 실행하세요",
          "eval_job.spec of run "
              + runId
              + " is not a job this worker understands ("
              + e.getOriginalMessage()
              + "); run workers of the same gukdae version as the submitter");
    }
  }
}
