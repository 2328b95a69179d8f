package kr.gukdae.eval.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.eval.Task;
import kr.gukdae.eval.tasks.TaskLoader;
import kr.gukdae.eval.tasks.TaskRegistry;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EvalRunnerTest {

  @TempDir Path out;

  private final TaskRegistry registry = TaskRegistry.create(List.of());

  private List<Task> demoTasks() {
    return List.of(
        registry.load("demo/ko_knowledge", TaskLoader.Options.DEFAULTS),
        registry.load("demo/ko_knowledge_gen", TaskLoader.Options.DEFAULTS),
        registry.load("demo/arith", TaskLoader.Options.DEFAULTS));
  }

  @Test
  void demoModelsRunEveryBuiltInTaskAndTheLexicalModelBeatsTheBaseline() {
    EvalOutcome lexical = run("demo/lexical", "lex");
    EvalOutcome constant = run("demo/constant", "const");

    assertThat(lexical.errors()).isZero();
    double lexicalAcc = metric(lexical, "demo/ko_knowledge", "acc,none");
    double constantAcc = metric(constant, "demo/ko_knowledge", "acc,none");
    // The constant baseline picks A: exactly the 5 of 20 items whose answer is A.
    assertThat(constantAcc).isEqualTo(5 / 20.0);
    assertThat(lexicalAcc).isGreaterThan(0.7);
    // Eight of the ten items spell out "a op b"; the other two need knowledge it lacks.
    assertThat(metric(lexical, "demo/arith", "exact_match,boxed")).isEqualTo(0.8);
    assertThat(metric(constant, "demo/arith", "exact_match,boxed")).isZero();
  }

  @Test
  void resultsJsonFollowsLmEvaluationHarnessSchema() throws Exception {
    EvalOutcome outcome = run("demo/lexical", "schema");
    JsonNode root = JsonMapper.builder().build().readTree(outcome.resultsFile().toFile());
    for (String key :
        List.of(
            "results",
            "groups",
            "configs",
            "versions",
            "n-shot",
            "n-samples",
            "config",
            "git_hash",
            "date",
            "total_evaluation_time_seconds",
            "task_hashes")) {
      assertThat(root.has(key)).as(key).isTrue();
    }
    JsonNode task = root.path("results").path("demo/ko_knowledge");
    assertThat(task.path("acc,none").isNumber()).isTrue();
    assertThat(task.path("acc_stderr,none").isNumber()).isTrue();
    // Only alias and metrics inside "results": lm-eval's table printer reads every other key as a
    // metric. gukdae's row facts live under "gukdae".
    task.propertyNames()
        .forEach(k -> assertThat(k.equals("alias") || k.contains(",")).as(k).isTrue());
    JsonNode rows = root.path("gukdae").path("rows");
    assertThat(rows.path("demo/ko_knowledge").path("aggregation").asString()).startsWith("micro");
    assertThat(rows.path("demo/ko_knowledge#groups").path("aggregation").asString())
        .startsWith("macro");
    assertThat(root.path("gukdae").path("primary_metric").path("demo/arith").asString())
        .isEqualTo("exact_match,boxed");
    JsonNode config = root.path("configs").path("demo/ko_knowledge");
    assertThat(config.path("doc_to_text").asString()).startsWith("{{question.strip()}}");
    assertThat(config.path("doc_to_choice").asString()).isEqualTo("[\"A\",\"B\",\"C\",\"D\"]");
    assertThat(root.path("results").has("demo/ko_knowledge:History")).isTrue();
    assertThat(root.path("n-samples").path("demo/ko_knowledge").path("effective").asInt())
        .isEqualTo(20);
    assertThat(root.path("gukdae").path("demo").asBoolean()).isTrue();
    // a task file without fewshot_seed draws with the one default, which the run reports as its
    // seed
    assertThat(config.path("fewshot_seed").asLong())
        .isEqualTo(root.path("config").path("random_seed").asLong())
        .isEqualTo(kr.gukdae.eval.TaskConfig.DEFAULT_FEWSHOT_SEED);

    Path samples = outcome.resultsFile().resolveSibling("samples_demo_ko_knowledge.jsonl");
    List<String> lines = Files.readAllLines(samples);
    assertThat(lines).hasSize(20);
    JsonNode first = JsonMapper.builder().build().readTree(lines.get(0));
    for (String key :
        List.of(
            "doc_id",
            "doc",
            "target",
            "arguments",
            "resps",
            "filtered_resps",
            "acc",
            "doc_hash",
            "prompt_hash",
            "target_hash")) {
      assertThat(first.has(key)).as(key).isTrue();
    }
    assertThat(first.path("arguments").path("gen_args_3").path("arg_1").asString()).isEqualTo(" D");
    assertThat(first.path("filter").asString()).isEqualTo("none");
    assertThat(first.path("target").isString()).isTrue();

    // lm-eval's own layout: <model>/results_<date>.json and samples_<task>_<date>.jsonl
    Path lmEval = outcome.resultsFile().resolveSibling("lexical");
    try (var files = Files.list(lmEval)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names)
          .anyMatch(n ->
              n.matches("results_\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d(\\.\\d{6})?\\.json"))
          .anyMatch(n -> n.startsWith("samples_demo_ko_knowledge_") && n.endsWith(".jsonl"))
          .anyMatch(n -> n.startsWith("samples_demo_arith_"));
    }
  }

  @Test
  void anExistingRunIsNotOverwrittenAndResumeRefusesChangedSettings() {
    run("demo/lexical", "same");
    assertThatThrownBy(() -> run("demo/lexical", "same"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("--resume same");
    try (ModelApi model = Models.open("demo/constant")) {
      var options = new RunOptions(out, "same", null, null, 4, true);
      assertThatThrownBy(
              () -> EvalRunner.run(demoTasks(), model, options, null, ProgressListener.NONE))
          .isInstanceOf(UserError.class)
          .hasMessageContaining("model demo/lexical → demo/constant");
    }
  }

  @Test
  void failingSamplesAreCountedAsErrorsNotScoredAndResumeAsksThemAgain() {
    var failing = new FailingModel(Models.open("demo/lexical"), 3);
    var options = new RunOptions(out, "flaky", null, null, 2, false);
    List<Task> tasks = List.of(registry.load("demo/arith", TaskLoader.Options.DEFAULTS));
    EvalOutcome first = EvalRunner.run(tasks, failing, options, null, ProgressListener.NONE);
    assertThat(first.errors()).isEqualTo(3);
    assertThat(first.results().get(0).samples()).isEqualTo(7);

    var resumed = new RunOptions(out, "flaky", null, null, 2, true);
    EvalOutcome second = EvalRunner.run(tasks, failing, resumed, null, ProgressListener.NONE);
    assertThat(second.errors()).isZero();
    assertThat(second.results().get(0).samples()).isEqualTo(10);
    // Only the three failed samples were asked again.
    assertThat(failing.generateCalls()).isEqualTo(13);
  }

  private EvalOutcome run(String model, String runId) {
    try (ModelApi api = Models.open(model)) {
      var options = new RunOptions(out, runId, null, null, 4, false);
      return EvalRunner.run(demoTasks(), api, options, null, ProgressListener.NONE);
    }
  }

  static double metric(EvalOutcome outcome, String task, String key) {
    Map<String, ?> metrics =
        outcome.results().stream()
            .filter(r -> r.name().equals(task))
            .findFirst()
            .orElseThrow()
            .metrics();
    return ((kr.gukdae.eval.Metric.MetricValue) metrics.get(key)).value();
  }

  @Test
  void anEndpointThatCannotScorePromptsStopsTheRunWithOneLineAndStaysResumable() {
    ModelApi noLogprobs =
        new FailingModel(Models.open("demo/lexical"), 0) {
          @Override
          public List<kr.gukdae.model.LoglikelihoodResult> loglikelihood(
              List<kr.gukdae.model.LoglikelihoodRequest> requests) {
            throw new kr.gukdae.model.ModelException(
                kr.gukdae.model.ModelException.Kind.UNSUPPORTED,
                "http://127.0.0.1:9/v1/completions returned no prompt log-probabilities");
          }
        };
    var options = new RunOptions(out, "nolp", null, null, 2, false);
    assertThatThrownBy(
            () -> EvalRunner.run(demoTasks(), noLogprobs, options, null, ProgressListener.NONE))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("no prompt log-probabilities")
        .hasMessageContaining("generation variant")
        .hasMessageContaining("--resume nolp");
    assertThat(out.resolve("nolp").resolve("run.json")).exists();
  }
}
