package kr.gukdae.app.eval;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/** What the CLI or the REST API asks the evaluation service to run. */
public record EvalRequest(
    String model,
    @Nullable String baseUrl,
    String apiKeyEnv,
    List<String> tasks,
    List<Path> taskDirs,
    @Nullable Path dataDir,
    @Nullable Integer limit,
    @Nullable Integer numFewshot,
    int concurrency,
    @Nullable Path outputDir,
    @Nullable String runId,
    boolean resume,
    @Nullable String judge,
    int maxRetries,
    Duration requestTimeout,
    boolean responseCache,
    boolean fewshotAsMultiturn) {

  public EvalRequest {
    Objects.requireNonNull(model, "model");
    tasks = List.copyOf(tasks);
    taskDirs = List.copyOf(taskDirs);
    if (tasks.isEmpty() && !resume) {
      throw new UserError("--tasks is empty; name at least one task (see 'gukdae tasks')");
    }
  }

  /** Few-shot examples as one text (lm-eval's default). */
  public EvalRequest(
      String model,
      @Nullable String baseUrl,
      String apiKeyEnv,
      List<String> tasks,
      List<Path> taskDirs,
      @Nullable Path dataDir,
      @Nullable Integer limit,
      @Nullable Integer numFewshot,
      int concurrency,
      @Nullable Path outputDir,
      @Nullable String runId,
      boolean resume,
      @Nullable String judge,
      int maxRetries,
      Duration requestTimeout,
      boolean responseCache) {
    this(
        model,
        baseUrl,
        apiKeyEnv,
        tasks,
        taskDirs,
        dataDir,
        limit,
        numFewshot,
        concurrency,
        outputDir,
        runId,
        resume,
        judge,
        maxRetries,
        requestTimeout,
        responseCache,
        false);
  }

  /** An evaluation on the bundled data with default settings, as {@code gukdae demo} runs it. */
  public static EvalRequest demo(String model, List<String> tasks) {
    return new EvalRequest(
        model,
        null,
        "OPENAI_API_KEY",
        tasks,
        List.of(),
        null,
        null,
        null,
        8,
        null,
        null,
        false,
        null,
        6,
        Duration.ofSeconds(120),
        true);
  }
}
