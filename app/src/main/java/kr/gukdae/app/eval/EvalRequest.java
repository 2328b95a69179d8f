package kr.gukdae.app.eval;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import kr.gukdae.UserError;
import kr.gukdae.model.ModelSpec;
import org.jspecify.annotations.Nullable;

/**
 * What the CLI, the REST API, the demo or a worker asks the evaluation service to run. Built with
 * {@link #builder(String)}: seventeen settings, most of them optional, read better by name than by
 * position, and each default is written once, here.
 */
public final class EvalRequest {

  // The defaults are the model adapter's (one place: ModelSpec), named here for the CLI's help.
  static final int DEFAULT_CONCURRENCY = ModelSpec.DEFAULT_CONCURRENCY;

  /** Parallel requests one run submitted over REST may make; more is refused, not clamped. */
  public static final int MAX_CONCURRENCY = 32;

  /** Tasks one run submitted over REST may hold, groups expanded. */
  public static final int MAX_TASKS_PER_RUN = 200;

  /**
   * The concurrency a run submitted over REST asked for, or the default; the one check both REST
   * entries ({@code /api/eval/runs}, {@code /api/jobs/eval}) make.
   */
  public static int concurrencyFor(@Nullable Integer asked) {
    int concurrency = asked == null ? DEFAULT_CONCURRENCY : asked;
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw UserError.of(
          "concurrency: 1~" + MAX_CONCURRENCY + " 사이여야 합니다 (받은 값: " + concurrency + ")",
          "concurrency: 1 to " + MAX_CONCURRENCY + ", got " + concurrency);
    }
    return concurrency;
  }

  /** Refuses a REST run of more than {@link #MAX_TASKS_PER_RUN} tasks. */
  public static void checkTaskCount(int count, boolean groupsExpanded) {
    if (count <= MAX_TASKS_PER_RUN) {
      return;
    }
    throw groupsExpanded
        ? UserError.of(
            "tasks: 그룹을 펼치면 작업이 " + MAX_TASKS_PER_RUN + "개를 넘습니다",
            "tasks: at most " + MAX_TASKS_PER_RUN + " tasks per run, groups expanded")
        : UserError.of(
            "tasks: 한 실행에 작업은 " + MAX_TASKS_PER_RUN + "개까지입니다",
            "tasks: at most " + MAX_TASKS_PER_RUN + " tasks per run");
  }

  static final int DEFAULT_MAX_RETRIES = ModelSpec.DEFAULT_MAX_RETRIES;
  static final int DEFAULT_TIMEOUT_SECONDS = ModelSpec.DEFAULT_TIMEOUT_SECONDS;
  static final String DEFAULT_API_KEY_ENV = ModelSpec.DEFAULT_API_KEY_ENV;

  private final String model;
  private final @Nullable String baseUrl;
  private final String apiKeyEnv;
  private final List<String> tasks;
  private final List<Path> taskDirs;
  private final @Nullable Path dataDir;
  private final @Nullable Integer limit;
  private final @Nullable Integer numFewshot;
  private final int concurrency;
  private final @Nullable Path outputDir;
  private final @Nullable String runId;
  private final boolean resume;
  private final @Nullable String judge;
  private final int maxRetries;
  private final Duration requestTimeout;
  private final boolean responseCache;
  private final boolean fewshotAsMultiturn;

  private EvalRequest(Builder b) {
    this.model = Objects.requireNonNull(b.model, "model");
    this.baseUrl = b.baseUrl;
    this.apiKeyEnv = b.apiKeyEnv;
    this.tasks = List.copyOf(b.tasks);
    this.taskDirs = List.copyOf(b.taskDirs);
    this.dataDir = b.dataDir;
    this.limit = b.limit;
    this.numFewshot = b.numFewshot;
    this.concurrency = b.concurrency;
    this.outputDir = b.outputDir;
    this.runId = b.runId;
    this.resume = b.resume;
    this.judge = b.judge;
    this.maxRetries = b.maxRetries;
    this.requestTimeout = b.requestTimeout;
    this.responseCache = b.responseCache;
    this.fewshotAsMultiturn = b.fewshotAsMultiturn;
    if (tasks.isEmpty() && !resume) {
      throw UserError.of(
          "tasks: 평가할 작업을 하나 이상 지정하세요 ('gukdae tasks'가 목록을 보여 줍니다)",
          "tasks: name at least one task (see 'gukdae tasks')");
    }
    if (limit != null && limit < 1) {
      throw UserError.of(
          "limit " + limit + ": 작업마다 1개 이상의 샘플이어야 합니다",
          "limit " + limit + ": must be at least 1 sample per task");
    }
    if (numFewshot != null && numFewshot < 0) {
      throw UserError.of(
          "num_fewshot " + numFewshot + ": 0 이상이어야 합니다 (0은 예시 없음)",
          "num_fewshot " + numFewshot + ": must be 0 or more (0: no examples)");
    }
  }

  /** A request for {@code model} ({@code <adapter>/<name>}) with every default. */
  public static Builder builder(String model) {
    return new Builder(model);
  }

  /** An evaluation on the bundled data with default settings, as {@code gukdae demo} runs it. */
  public static EvalRequest demo(String model, List<String> tasks) {
    return builder(model).tasks(tasks).build();
  }

  public String model() {
    return model;
  }

  public @Nullable String baseUrl() {
    return baseUrl;
  }

  public String apiKeyEnv() {
    return apiKeyEnv;
  }

  public List<String> tasks() {
    return tasks;
  }

  public List<Path> taskDirs() {
    return taskDirs;
  }

  public @Nullable Path dataDir() {
    return dataDir;
  }

  public @Nullable Integer limit() {
    return limit;
  }

  public @Nullable Integer numFewshot() {
    return numFewshot;
  }

  public int concurrency() {
    return concurrency;
  }

  public @Nullable Path outputDir() {
    return outputDir;
  }

  public @Nullable String runId() {
    return runId;
  }

  public boolean resume() {
    return resume;
  }

  public @Nullable String judge() {
    return judge;
  }

  public int maxRetries() {
    return maxRetries;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  public boolean responseCache() {
    return responseCache;
  }

  /** Few-shot examples as chat turns rather than one text (lm-eval's default is one text). */
  public boolean fewshotAsMultiturn() {
    return fewshotAsMultiturn;
  }

  /** The settings of an {@link EvalRequest}, each starting at its default. */
  public static final class Builder {
    private final String model;
    private @Nullable String baseUrl;
    private String apiKeyEnv = DEFAULT_API_KEY_ENV;
    private List<String> tasks = List.of();
    private List<Path> taskDirs = List.of();
    private @Nullable Path dataDir;
    private @Nullable Integer limit;
    private @Nullable Integer numFewshot;
    private int concurrency = DEFAULT_CONCURRENCY;
    private @Nullable Path outputDir;
    private @Nullable String runId;
    private boolean resume;
    private @Nullable String judge;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration requestTimeout = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
    private boolean responseCache = true;
    private boolean fewshotAsMultiturn;

    private Builder(String model) {
      this.model = Objects.requireNonNull(model, "model");
    }

    /** An OpenAI-compatible endpoint; null for adapters that need none. */
    public Builder baseUrl(@Nullable String value) {
      this.baseUrl = value;
      return this;
    }

    public Builder apiKeyEnv(String value) {
      this.apiKeyEnv = Objects.requireNonNull(value, "apiKeyEnv");
      return this;
    }

    public Builder tasks(List<String> value) {
      this.tasks = List.copyOf(value);
      return this;
    }

    public Builder taskDirs(List<Path> value) {
      this.taskDirs = List.copyOf(value);
      return this;
    }

    /** The real benchmark files, laid out as on Hugging Face; null: the bundled sample rows. */
    public Builder dataDir(@Nullable Path value) {
      this.dataDir = value;
      return this;
    }

    public Builder limit(@Nullable Integer value) {
      this.limit = value;
      return this;
    }

    public Builder numFewshot(@Nullable Integer value) {
      this.numFewshot = value;
      return this;
    }

    public Builder concurrency(int value) {
      this.concurrency = value;
      return this;
    }

    /** The folder for run folders; null: {@code GUKDAE_HOME/runs}. */
    public Builder outputDir(@Nullable Path value) {
      this.outputDir = value;
      return this;
    }

    /** A new run's id, null for a generated one. */
    public Builder runId(@Nullable String value) {
      this.runId = value;
      return this;
    }

    /** Continue the interrupted run {@code id}. */
    public Builder resume(String id) {
      this.runId = Objects.requireNonNull(id, "id");
      this.resume = true;
      return this;
    }

    public Builder judge(@Nullable String value) {
      this.judge = value;
      return this;
    }

    public Builder maxRetries(int value) {
      this.maxRetries = value;
      return this;
    }

    public Builder requestTimeout(Duration value) {
      this.requestTimeout = Objects.requireNonNull(value, "requestTimeout");
      return this;
    }

    public Builder responseCache(boolean value) {
      this.responseCache = value;
      return this;
    }

    public Builder fewshotAsMultiturn(boolean value) {
      this.fewshotAsMultiturn = value;
      return this;
    }

    public EvalRequest build() {
      return new EvalRequest(this);
    }
  }
}
