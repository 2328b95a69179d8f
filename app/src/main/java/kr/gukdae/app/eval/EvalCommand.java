package kr.gukdae.app.eval;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.cli.GukdaeCommand;
import kr.gukdae.cli.Terminal;
import kr.gukdae.eval.run.EvalOutcome;
import kr.gukdae.eval.run.ResultsTable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gukdae eval}: run benchmark tasks against a model and print the results table. */
@Component
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Evaluate a model on benchmark tasks (results.json + samples_*.jsonl).")
class EvalCommand implements GukdaeCommand {

  private final EvalService service;

  @Option(
      names = "--model",
      required = true,
      description = "<adapter>/<name>, e.g. demo/lexical or openai/qwen3-8b")
  String model;

  @Option(
      names = "--base-url",
      description = "OpenAI-compatible endpoint, e.g. http://127.0.0.1:8000/v1")
  String baseUrl;

  @Option(
      names = "--api-key-env",
      defaultValue = EvalRequest.DEFAULT_API_KEY_ENV,
      description = "environment variable holding the API key (default ${DEFAULT-VALUE})")
  String apiKeyEnv;

  @Option(
      names = "--tasks",
      split = ",",
      description = "comma-separated task names (see 'gukdae tasks')")
  List<String> tasks = new ArrayList<>();

  @Option(names = "--tasks-dir", description = "folder of extra task YAML files (repeatable)")
  List<Path> taskDirs = new ArrayList<>();

  @Option(
      names = "--data-dir",
      description = "folder holding the real benchmark files laid out as on Hugging Face")
  Path dataDir;

  @Option(names = "--limit", description = "at most N samples per task")
  Integer limit;

  @Option(names = "--num-fewshot", description = "few-shot examples (overrides the task file)")
  Integer numFewshot;

  @Option(
      names = "--concurrency",
      defaultValue = "" + EvalRequest.DEFAULT_CONCURRENCY,
      description = "samples in flight (default ${DEFAULT-VALUE})")
  int concurrency;

  @Option(
      names = "--fewshot-as-multiturn",
      description =
          "few-shot examples as alternating user/assistant chat turns (lm-eval's"
              + " --fewshot_as_multiturn); generation tasks go to the chat endpoint")
  boolean fewshotAsMultiturn;

  @Option(names = "--output", description = "folder for run folders (default ~/.gukdae/runs)")
  Path output;

  @Option(names = "--run-id", description = "name of a new run's folder (default: time + random)")
  String runId;

  @Option(names = "--resume", paramLabel = "RUN_ID", description = "continue an interrupted run")
  String resume;

  @Option(names = "--judge", description = "judge model for model-graded scorers")
  String judge;

  @Option(
      names = "--max-retries",
      defaultValue = "" + EvalRequest.DEFAULT_MAX_RETRIES,
      description = "retries per request (default ${DEFAULT-VALUE})")
  int maxRetries;

  @Option(
      names = "--timeout",
      defaultValue = "" + EvalRequest.DEFAULT_TIMEOUT_SECONDS,
      description = "seconds per request (default ${DEFAULT-VALUE})")
  int timeoutSeconds;

  @Option(
      names = "--no-cache",
      description = "ask the endpoint again even for requests answered before")
  boolean noCache;

  @Option(names = "--no-progress", description = "do not draw the progress bar")
  boolean noProgress;

  @Option(
      names = "--shard-size",
      description =
          "split the run into shards of N samples for 'gukdae worker' processes on the"
              + " same database, wait for them, and write the same results")
  Integer shardSize;

  private final ObjectProvider<ShardedRuns> sharded;

  EvalCommand(EvalService service, ObjectProvider<ShardedRuns> sharded) {
    this.service = service;
    this.sharded = sharded;
  }

  @Override
  public Integer call() {
    if (resume != null && runId != null && !resume.equals(runId)) {
      throw UserError.of(
          "--run-id와 --resume 중 하나만 지정하세요", "give either --run-id or --resume, not both");
    }
    if (tasks.isEmpty()) {
      throw UserError.of(
          "--tasks를 지정하세요. 예: --tasks demo/ko_knowledge ('gukdae tasks'가 목록을 보여 줍니다)",
          "--tasks is required, e.g. --tasks demo/ko_knowledge (see 'gukdae tasks')");
    }
    var builder =
        EvalRequest.builder(model)
            .baseUrl(baseUrl)
            .apiKeyEnv(apiKeyEnv)
            .tasks(tasks)
            .taskDirs(taskDirs)
            .dataDir(dataDir)
            .limit(limit)
            .numFewshot(numFewshot)
            .concurrency(concurrency)
            .outputDir(output)
            .runId(runId)
            .judge(judge)
            .maxRetries(maxRetries)
            .requestTimeout(Duration.ofSeconds(timeoutSeconds))
            .responseCache(!noCache)
            .fewshotAsMultiturn(fewshotAsMultiturn);
    if (resume != null) {
      builder.resume(resume);
    }
    var request = builder.build();
    EvalOutcome outcome;
    try (var bar = new ConsoleProgress(!noProgress)) {
      outcome =
          shardSize == null
              ? service.run(request, bar)
              : sharded.getObject().run(request, shardSize, bar);
    }
    System.out.println();
    System.out.println(
        Terminal.pick("실행 ", "run ")
            + outcome.manifest().runId()
            + Terminal.pick(" · 모델 ", " · model ")
            + outcome.manifest().model());
    if (SampleRows.usedIn(outcome.resultsFile())) {
      System.out.println(Terminal.sampleRowsBanner());
    }
    System.out.print(ResultsTable.format(outcome, Terminal.korean()));
    System.out.println(Terminal.pick("결과 파일: ", "results: ") + outcome.resultsFile());
    return 0;
  }
}
