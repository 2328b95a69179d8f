package kr.gukdae.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.eval.run.EvalRunner;
import kr.gukdae.eval.run.ProgressListener;
import kr.gukdae.eval.run.RunOptions;
import kr.gukdae.eval.tasks.TaskLoader;
import kr.gukdae.eval.tasks.TaskRegistry;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.Models;
import kr.gukdae.stage.Evidence;
import kr.gukdae.stage.Evidence.BenchmarkResult;
import kr.gukdae.stage.EvidenceLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code gukdae compare} through picocli on both results shapes: a real gukdae run of the demo
 * tasks (demo/lexical model, written by the eval runner) and {@code lm-eval-results.json}, a
 * fixture written by hand in lm-evaluation-harness's own output shape.
 */
class CompareCommandTest {

  @TempDir Path tmp;
  private Path run;
  private Path lmEval;
  private Path refs;

  /** What a command printed and returned; errors are printed as the launcher does. */
  record Outcome(int code, String out, String err) {}

  @BeforeEach
  void setUp() throws Exception {
    TaskRegistry registry = TaskRegistry.create(List.of());
    var tasks =
        List.of(
            registry.load("demo/ko_knowledge", TaskLoader.Options.DEFAULTS),
            registry.load("demo/arith", TaskLoader.Options.DEFAULTS));
    try (ModelApi api = Models.open("demo/lexical")) {
      EvalRunner.run(
          tasks,
          api,
          new RunOptions(tmp, "run1", null, null, 2, false),
          null,
          ProgressListener.NONE);
    }
    run = tmp.resolve("run1");
    lmEval = tmp.resolve("lm-eval-results.json");
    try (InputStream in = getClass().getResourceAsStream("lm-eval-results.json")) {
      Files.write(lmEval, in.readAllBytes());
    }
    refs = tmp.resolve("refs.csv");
    Files.writeString(
        refs,
        """
        model,benchmark,metric,score,release_date,source
        target-x,demo/ko_knowledge,acc,80,2025-05-01,"https://example.org/target-x-card, table 2"
        target-x,demo/arith,exact_match,50,2025-05-01,a paper
        newer-y,demo/ko_knowledge,acc,99,2025-12-01,another paper
        """);
  }

  static Outcome run(String... args) {
    var cmd = new CommandLine(new CompareCommand());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    cmd.setExecutionExceptionHandler((e, c, p) -> {
      UserError u = UserError.findIn(e);
      if (u == null) {
        throw e;
      }
      c.getErr().println("gukdae compare: " + u.getMessage());
      c.getErr().flush();
      return 2;
    });
    int code = cmd.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  private double ours(String task, String key) throws Exception {
    JsonNode root = JsonMapper.builder().build().readTree(run.resolve("results.json").toFile());
    return root.path("results").path(task).path(key).asDouble() * 100;
  }

  @Test
  void gukdaeRunAgainstATargetModel() throws Exception {
    var o =
        run("--results", run.toString(), "--references", refs.toString(), "--target", "TARGET-X");
    assertThat(o.code()).as(o.err()).isZero();
    double knowledge = ours("demo/ko_knowledge", "acc,none");
    assertThat(knowledge).isGreaterThan(70); // the lexical model scores > 0.7 there
    String ratio = String.format(java.util.Locale.ROOT, "%.3f", knowledge / 80);
    assertThat(o.out())
        .contains("compared with: target model TARGET-X · goal: ratio ≥ 0.95")
        .containsPattern(
            "demo/ko_knowledge +acc,none +"
                + String.format(java.util.Locale.ROOT, "%.2f", knowledge)
                + " +target-x +80.00 +2025-05-01 +"
                + ratio
                + " +[✓✗] +example.org/target-x-card,\n")
        // 8 of 10 arithmetic items right: 80% against 50% is a ratio of 1.6, goal met.
        .containsPattern(
            "demo/arith +exact_match,boxed +80.00 +target-x +50.00 .* 1.600 +✓ +a paper")
        .containsPattern(
            "no reference \\(no reference row for this benchmark\\): demo/ko_knowledge:\\w+,"
                + " .*demo/ko_knowledge:History")
        .contains("compared task(s) meet the goal");
    assertThat(o.out()).doesNotContain("DEMO references");
  }

  @Test
  void lmEvalOutputAgainstTheMovingTargetAsJson() throws Exception {
    var o =
        run(
            "--results",
            lmEval.toString(),
            "--references",
            "demo",
            "--best-within",
            "6",
            "--as-of",
            "2026-01-15",
            "--json");
    assertThat(o.code()).as(o.err()).isZero();
    JsonNode root = JsonMapper.builder().build().readTree(o.out());
    assertThat(root.path("demo").asBoolean()).isTrue();
    assertThat(root.path("baseline").path("kind").asString()).isEqualTo("best-within");
    JsonNode gsm8k = root.path("tasks").get(0);
    assertThat(gsm8k.path("task").asString()).isEqualTo("gsm8k");
    assertThat(gsm8k.path("metric").asString()).isEqualTo("exact_match,strict-match");
    assertThat(gsm8k.path("score").asDouble())
        .isEqualTo(75.21, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(gsm8k.path("reference").path("model").asString()).isEqualTo("demo-frontier-b");
    assertThat(gsm8k.path("reference").path("benchmark").asString()).isEqualTo("global/gsm8k");
    assertThat(gsm8k.path("ratio").asDouble())
        .isEqualTo(75.21 / 93.0, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(gsm8k.path("meetsGoal").asBoolean()).isFalse();
    assertThat(root.path("tasks").get(4).path("noReference").asString()).isNotBlank();
    assertThat(root.path("tasks").get(4).path("noReferenceKo").asString()).isNotBlank();
    assertThat(root.path("compared").asInt()).isEqualTo(3);

    var text =
        run(
            "--results",
            lmEval.toString(),
            "--references",
            "demo",
            "--best-within",
            "6",
            "--as-of",
            "2026-01-15",
            "--goal",
            "0.8");
    assertThat(text.out())
        .containsPattern(
            "gsm8k +exact_match,strict-match +75.21 +demo-frontier-b +93.00 +2025-08-20 +0.809 +✓")
        .containsPattern("kmmlu +acc,none +42.11 +demo-frontier-b +81.50 +2025-08-20 +0.517 +✗")
        .contains("1 of 3 compared task(s) meet the goal; 2 without a reference.")
        .contains("DEMO references");
  }

  @Test
  void evidenceLinesLoadWithTheStageEvidenceReader() throws Exception {
    var o =
        run(
            "--results",
            run.toString(),
            "--references",
            refs.toString(),
            "--target",
            "target-x",
            "--evidence",
            "hanbit:1:target",
            "--benchmark-name",
            "demo/arith=KO-Math");
    assertThat(o.code()).as(o.err()).isZero();
    List<Evidence> evidence = EvidenceLoader.parse(o.out(), "compare output");
    assertThat(evidence).hasSize(2).allMatch(BenchmarkResult.class::isInstance);
    var knowledge = (BenchmarkResult) evidence.get(0);
    assertThat(knowledge.team()).isEqualTo("hanbit");
    assertThat(knowledge.stage()).isEqualTo(1);
    assertThat(knowledge.group()).isEqualTo(Evidence.Group.TARGET);
    assertThat(knowledge.benchmark()).isEqualTo("demo/ko_knowledge");
    assertThat(knowledge.score())
        .isCloseTo(
            ours("demo/ko_knowledge", "acc,none"), org.assertj.core.api.Assertions.within(1e-4));
    assertThat(((BenchmarkResult) evidence.get(1)).benchmark()).isEqualTo("KO-Math");
    assertThat(((BenchmarkResult) evidence.get(1)).score()).isEqualTo(80.0);
    assertThat(o.out()).startsWith("# results:").contains("# demo/arith ");

    // A team name that YAML would misread is quoted, and reads back as given.
    var odd =
        run(
            "--results",
            run.toString(),
            "--references",
            refs.toString(),
            "--target",
            "target-x",
            "--evidence",
            "{a: b}, #x:2:KOREAN");
    assertThat(odd.code()).as(odd.err()).isZero();
    assertThat(EvidenceLoader.parse(odd.out(), "odd"))
        .first()
        .extracting(Evidence::team)
        .isEqualTo("{a: b}, #x");
  }

  @Test
  void inputErrorsNameTheFieldAndTheFix() throws Exception {
    var unknown =
        run("--results", lmEval.toString(), "--references", "demo", "--target", "demo-frontier");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err())
        .contains("--target demo-frontier: ")
        .contains(
            " / no such model in the reference table; did you mean demo-frontier-a, demo-frontier-b");
    assertThat(unknown.out()).isEmpty();

    Path noResults = tmp.resolve("config-only.json");
    Files.writeString(noResults, "{\"config\": {\"model\": \"hf\"}}");
    assertThat(run("--results", noResults.toString(), "--target", "A.X-4.0").err())
        .contains(noResults + ": ")
        .contains(" / no 'results' object; expected lm-evaluation-harness's results.json");

    Path lacking = tmp.resolve("lacking.json");
    Files.writeString(lacking, "{\"results\": {\"kmmlu\": {\"acc_norm,none\": 0.4}}}");
    assertThat(
            run(
                    "--results",
                    lacking.toString(),
                    "--references",
                    "demo",
                    "--best-within",
                    "12",
                    "--as-of",
                    "2025-12-01")
                .err())
        .contains(lacking + ": results.kmmlu에 'acc,<filter>' 값이 없습니다")
        .contains(" / results.kmmlu has no 'acc,<filter>' value (it has acc_norm,none)");

    Path bad = tmp.resolve("bad.csv");
    Files.writeString(
        bad,
        "model,benchmark,metric,score,release_date,source\nm,b,acc,80,2025-01-01,p\nm,b,acc,\"80,2025-01-01,p\n");
    var badCsv =
        run("--results", lmEval.toString(), "--references", bad.toString(), "--target", "m");
    assertThat(badCsv.code()).isEqualTo(2);
    assertThat(badCsv.err()).contains("bad.csv:3");

    assertThat(run("--results", lmEval.toString(), "--target", "m", "--best-within", "6").err())
        .contains("give exactly one of --target MODEL");
    assertThat(
            run("--results", lmEval.toString(), "--best-within", "6", "--as-of", "15/01/2026")
                .err())
        .contains("--as-of '15/01/2026' must be a date YYYY-MM-DD");
    assertThat(
            run(
                    "--results",
                    lmEval.toString(),
                    "--target",
                    "A.X-4.0",
                    "--evidence",
                    "hanbit:1:LOCAL")
                .err())
        .contains("GROUP is one of [KOREAN, GLOBAL, TARGET]");
    assertThat(run("--results", lmEval.toString(), "--target", "A.X-4.0", "--goal", "95").err())
        .contains("--goal is a ratio such as 0.95");
    assertThat(
            run("--results", lmEval.toString(), "--references", "nope.csv", "--target", "x").err())
        // the "--references nope.csv: " prefix is written once, before the Korean half
        .contains("--references nope.csv: ")
        .contains(" / no such file; give published, demo, or a CSV");
  }
}
