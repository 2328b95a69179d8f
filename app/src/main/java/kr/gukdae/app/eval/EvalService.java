package kr.gukdae.app.eval;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import kr.gukdae.eval.Task;
import kr.gukdae.eval.run.EvalOutcome;
import kr.gukdae.eval.run.EvalRunner;
import kr.gukdae.eval.run.ProgressListener;
import kr.gukdae.eval.run.RunOptions;
import kr.gukdae.eval.tasks.RunPlan;
import kr.gukdae.eval.tasks.TaskLoader;
import kr.gukdae.eval.tasks.TaskRegistry;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.ModelSpec;
import kr.gukdae.model.Models;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Runs evaluations for the CLI and the web app alike: loads tasks, opens the model, runs, and
 * records the run and its results in the database as evidence for the stage engine.
 */
@Service
public class EvalService {

  private static final DateTimeFormatter RUN_ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

  private final EvalStore store;
  private final Path home;

  EvalService(EvalStore store, @Value("${gukdae.home}") Path home) {
    this.store = store;
    this.home = home;
  }

  public TaskRegistry registry(List<Path> taskDirs) {
    return TaskRegistry.create(taskDirs);
  }

  /** Runs to the end on the calling thread. */
  public EvalOutcome run(EvalRequest request, ProgressListener progress) {
    Path output = request.outputDir() != null ? request.outputDir() : home.resolve("runs");
    String runId = request.runId() != null ? request.runId() : newRunId();
    RunOptions options =
        new RunOptions(
            output,
            runId,
            request.limit(),
            request.numFewshot(),
            request.concurrency(),
            request.resume());
    try (ModelApi model = Models.open(spec(request.model(), request));
        ModelApi judge =
            request.judge() == null ? null : Models.open(spec(request.judge(), request))) {
      var loadOptions = new TaskLoader.Options(request.numFewshot(), judge, request.dataDir());
      TaskRegistry registry = registry(request.taskDirs());
      // Group and tag names (kmmlu, haerae, kobest, …) stand for their tasks, as in lm-eval.
      RunPlan plan = registry.plan(request.tasks());
      List<Task> tasks = new ArrayList<>();
      for (String name : plan.tasks()) {
        tasks.add(registry.load(name, loadOptions));
      }
      store.started(runId, model.name(), request.tasks(), options.runDir());
      var recording = store.progressRecorder(runId, progress);
      try {
        EvalOutcome outcome =
            EvalRunner.run(tasks, plan.groups(), model, options, request.judge(), recording);
        store.finished(runId, outcome);
        return outcome;
      } catch (RuntimeException e) {
        store.failed(runId, e);
        throw e;
      }
    }
  }

  public String newRunId() {
    return LocalDateTime.now().format(RUN_ID_TIME)
        + "-"
        + UUID.randomUUID().toString().substring(0, 6);
  }

  /** Reruns are free: identical requests to the same endpoint and model come from the cache. */
  private ModelSpec spec(String model, EvalRequest request) {
    return ModelSpec.parse(model)
        .withCacheDir(request.responseCache() ? home.resolve("cache/models") : null)
        .withBaseUrl(request.baseUrl())
        .withApiKeyEnv(request.apiKeyEnv())
        .withMaxConcurrency(request.concurrency())
        .withMaxRetries(request.maxRetries())
        .withRequestTimeout(request.requestTimeout());
  }
}
