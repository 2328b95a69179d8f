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
import org.jspecify.annotations.Nullable;
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
    String dataSource = dataSource(request);
    boolean started = false;
    try (ModelApi model = Models.open(spec(request.model(), request));
        ModelApi judge =
            request.judge() == null ? null : Models.open(spec(request.judge(), request))) {
      Loaded loaded = load(request, judge);
      List<Task> tasks = loaded.tasks();
      RunPlan plan = loaded.plan();
      store.started(runId, model.name(), request.tasks(), options.runDir(), dataSource);
      started = true;
      var recording = store.progressRecorder(runId, progress);
      EvalOutcome outcome =
          EvalRunner.run(tasks, plan.groups(), model, options, request.judge(), recording);
      store.finished(runId, outcome);
      return outcome;
    } catch (RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (started) {
        store.failed(runId, why);
      } else {
        store.failedToStart(runId, request.model(), request.tasks(), dataSource, why);
      }
      throw e;
    }
  }

  /**
   * Where the rows come from: the project's bundled sample rows unless a data folder or task
   * folders were given (results on bundled rows are not benchmark results, and say so).
   */
  public static String dataSource(EvalRequest request) {
    if (request.dataDir() != null) {
      return request.dataDir().toString();
    }
    return request.taskDirs().isEmpty() ? EvalStore.BUNDLED : "task folders";
  }

  /** A request's tasks, loaded, and the plan (lm-eval groups) they came from. */
  public record Loaded(List<Task> tasks, RunPlan plan) {
    public Loaded {
      tasks = List.copyOf(tasks);
    }
  }

  /**
   * Loads the tasks a request names, groups expanded; shared with the distributed workers, so a
   * shard loads exactly what a single-process run would.
   */
  public static Loaded load(EvalRequest request, @Nullable ModelApi judge) {
    var loadOptions =
        new TaskLoader.Options(
            request.numFewshot(),
            judge,
            request.dataDir(),
            request.fewshotAsMultiturn() ? Boolean.TRUE : null);
    TaskRegistry registry = TaskRegistry.create(request.taskDirs());
    // Group and tag names (kmmlu, haerae, kobest, …) stand for their tasks, as in lm-eval.
    RunPlan plan = registry.plan(request.tasks());
    List<Task> tasks = new ArrayList<>();
    for (String name : plan.tasks()) {
      tasks.add(registry.load(name, loadOptions));
    }
    return new Loaded(tasks, plan);
  }

  public String newRunId() {
    return LocalDateTime.now().format(RUN_ID_TIME)
        + "-"
        + UUID.randomUUID().toString().substring(0, 6);
  }

  /** Reruns are free: identical requests to the same endpoint and model come from the cache. */
  private ModelSpec spec(String model, EvalRequest request) {
    return spec(model, request, home);
  }

  /** The model a request names, with its endpoint, limits and response cache under {@code home}. */
  public static ModelSpec spec(String model, EvalRequest request, Path home) {
    return ModelSpec.parse(model)
        .withCacheDir(request.responseCache() ? home.resolve("cache/models") : null)
        .withBaseUrl(request.baseUrl())
        .withApiKeyEnv(request.apiKeyEnv())
        .withMaxConcurrency(request.concurrency())
        .withMaxRetries(request.maxRetries())
        .withRequestTimeout(request.requestTimeout());
  }
}
