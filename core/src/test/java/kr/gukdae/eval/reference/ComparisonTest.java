package kr.gukdae.eval.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.eval.reference.ComparisonRow.Compared;
import kr.gukdae.eval.reference.ComparisonRow.NoReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Comparison of a results file with reference tables. {@code lm-eval-results.json} is a fixture
 * written by hand in lm-evaluation-harness's own output shape (bare task names, filters such as
 * {@code strict-match}, "N/A" standard errors, a {@code groups} section).
 */
class ComparisonTest {

  @TempDir Path tmp;

  private static RunResults lmEval() throws Exception {
    try (InputStream in = ComparisonTest.class.getResourceAsStream("lm-eval-results.json")) {
      return RunResults.parse("lm-eval-results.json", in.readAllBytes());
    }
  }

  private static Map<String, ComparisonRow> byTask(Comparison c) {
    var out = new java.util.LinkedHashMap<String, ComparisonRow>();
    c.rows().forEach(r -> out.put(r.task(), r));
    return out;
  }

  @Test
  void lmEvalShapeAgainstTheMovingTarget() throws Exception {
    var c =
        Comparison.of(
            lmEval(),
            ReferenceScores.demo(),
            new Baseline.BestWithin(6, LocalDate.of(2026, 1, 15)),
            0.95);
    var rows = byTask(c);
    assertThat(rows.keySet())
        .containsExactly("gsm8k", "kmmlu", "kmmlu_accounting", "mmlu_pro", "hellaswag");
    var kmmlu = (Compared) rows.get("kmmlu");
    assertThat(kmmlu.metricKey()).isEqualTo("acc,none");
    assertThat(kmmlu.percent()).isCloseTo(42.11, within(1e-9));
    assertThat(kmmlu.reference().model()).isEqualTo("demo-frontier-b");
    assertThat(kmmlu.achievement().ratio()).isCloseTo(42.11 / 81.5, within(1e-12));
    assertThat(kmmlu.meetsGoal()).isFalse();
    // No ",none" key: the first filter in the file is used, and the row says which.
    var gsm8k = (Compared) rows.get("gsm8k");
    assertThat(gsm8k.metricKey()).isEqualTo("exact_match,strict-match");
    assertThat(gsm8k.percent()).isCloseTo(75.21, within(1e-9));
    assertThat(gsm8k.reference().score()).isEqualTo(93.0);
    assertThat(((Compared) rows.get("mmlu_pro")).metricKey())
        .isEqualTo("exact_match,custom-extract");
    assertThat(rows.get("hellaswag")).isInstanceOf(NoReference.class);
    assertThat(rows.get("kmmlu_accounting")).isInstanceOf(NoReference.class);
    assertThat(c.meetingGoal()).isZero();
  }

  @Test
  void targetModelComparisonAndTheGoal() throws Exception {
    var c =
        Comparison.of(
            lmEval(), ReferenceScores.demo(), new Baseline.Target("DEMO-FRONTIER-A"), 0.5);
    var rows = byTask(c);
    var kmmlu = (Compared) rows.get("kmmlu");
    assertThat(kmmlu.reference().score()).isEqualTo(78.0);
    assertThat(kmmlu.meetsGoal()).isTrue(); // 42.11 / 78 = 0.54 >= 0.5
    assertThat(((NoReference) rows.get("gsm8k")).reason().en())
        .isEqualTo("DEMO-FRONTIER-A has no score on global/gsm8k");
    assertThat(((Compared) rows.get("mmlu_pro")).achievement().ratio())
        .isCloseTo(50 / 70.0, within(1e-12));
    assertThat(c.meetingGoal()).isEqualTo(2);
  }

  @Test
  void windowWithoutAReleaseSaysSo() throws Exception {
    var c =
        Comparison.of(
            lmEval(),
            ReferenceScores.demo(),
            new Baseline.BestWithin(3, LocalDate.of(2024, 10, 1)),
            0.95);
    var kmmlu = (NoReference) byTask(c).get("kmmlu");
    assertThat(kmmlu.reason().ko()).isEqualTo("2024-10-01까지 3개월 안에 공개된 모델의 ko/kmmlu 점수가 없음");
    assertThat(kmmlu.reason().en())
        .isEqualTo("no ko/kmmlu score from a model released in the 3 months up to 2024-10-01");
  }

  @Test
  void unknownTargetListsCloseNames() throws Exception {
    var results = lmEval();
    assertThatThrownBy(() ->
            Comparison.of(
                results, ReferenceScores.demo(), new Baseline.Target("demo-frontier-x"), 0.95))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("--target demo-frontier-x: ")
        .hasMessageContaining("/ no such model")
        .hasMessageContaining("did you mean demo-frontier-a, demo-frontier-b, demo-frontier-c?");
    assertThatThrownBy(() ->
            Comparison.of(
                results, ReferenceScores.published(), new Baseline.Target("exaone"), 0.95))
        .hasMessageContaining("EXAONE-4.0-32B (reasoning)")
        .hasMessageContaining("K-EXAONE-236B-A23B (reasoning)");
    assertThatThrownBy(() ->
            Comparison.of(results, ReferenceScores.published(), new Baseline.Target("qqqq"), 0.95))
        .hasMessageContaining("models there: EXAONE-4.0-32B (reasoning)");
  }

  @Test
  void missingMetricNamesTheTaskTheKeysAndTheFix() {
    var run =
        RunResults.parse(
            "r.json",
            "{\"results\": {\"kmmlu\": {\"acc_norm,none\": 0.5, \"acc_norm_stderr,none\": 0.01}}}"
                .getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() ->
            Comparison.of(run, ReferenceScores.demo(), new Baseline.Target("demo-frontier-a"), 1))
        .isInstanceOfSatisfying(
            UserError.class,
            e ->
                assertThat(e.message(false))
                    .contains("r.json: results.kmmlu has no 'acc,<filter>' value")
                    .contains("(it has acc_norm,none)")
                    .contains("--references"));
  }

  @Test
  void thePrimaryMetricIsStatedNotTakenFromKeyOrder() {
    var target = new Baseline.Target("demo-frontier-b");
    // lm-eval's file: flexible-extract first; strict-match is the primary by rule
    var lmEval =
        RunResults.parse(
            "r.json",
            ("{\"results\": {\"gsm8k\": {\"exact_match,flexible-extract\": 0.9,"
                    + " \"exact_match,strict-match\": 0.8}}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    var row = Comparison.of(lmEval, ReferenceScores.demo(), target, 0.95).compared().get(0);
    assertThat(row.metricKey()).isEqualTo("exact_match,strict-match");
    // gukdae's file states the task's primary metric, whatever the key order
    var gukdae =
        RunResults.parse(
            "r.json",
            ("{\"results\": {\"global/gsm8k\": {\"exact_match,strict-match\": 0.8,"
                    + " \"exact_match,flexible-extract\": 0.9}},"
                    + " \"gukdae\": {\"primary_metric\": {\"global/gsm8k\":"
                    + " \"exact_match,flexible-extract\"}}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    var stated = Comparison.of(gukdae, ReferenceScores.demo(), target, 0.95).compared().get(0);
    assertThat(stated.metricKey()).isEqualTo("exact_match,flexible-extract");
  }

  @Test
  void valuesThatAreNotFractionsAreRefused() {
    var notANumber =
        RunResults.parse(
            "r.json", "{\"results\": {\"kmmlu\": {\"acc,none\": \"N/A\"}}}".getBytes());
    var target = new Baseline.Target("demo-frontier-a");
    assertThatThrownBy(() -> Comparison.of(notANumber, ReferenceScores.demo(), target, 0.95))
        .hasMessageStartingWith("r.json: ")
        .hasMessageContaining("/ results.kmmlu.\"acc,none\" is not a number");
    var percent =
        RunResults.parse("r.json", "{\"results\": {\"kmmlu\": {\"acc,none\": 42.1}}}".getBytes());
    assertThatThrownBy(() -> Comparison.of(percent, ReferenceScores.demo(), target, 0.95))
        .hasMessageContaining("= 42.1 is not a 0-1 fraction");
    assertThatThrownBy(() -> Comparison.of(percent, ReferenceScores.demo(), target, 0))
        .hasMessageContaining("--goal must be a positive ratio");
  }

  @Test
  void aFileWithoutResultsIsNamed() throws Exception {
    Path file = tmp.resolve("results.json");
    Files.writeString(file, "{\"config\": {}}");
    assertThatThrownBy(() -> RunResults.read(file))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith(file + ": ")
        .hasMessageContaining("/ no 'results' object");
    Files.writeString(file, "{\"results\": [");
    assertThatThrownBy(() -> RunResults.read(file)).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> RunResults.read(tmp.resolve("nope.json")))
        .hasMessageContaining("no such file");
  }

  @Test
  void foldersFindGukdaeAndLmEvalResultFiles() throws Exception {
    Path run = Files.createDirectories(tmp.resolve("run1"));
    Files.writeString(run.resolve("results.json"), "{\"results\": {\"a\": {\"acc,none\": 0.1}}}");
    assertThat(RunResults.read(run).source()).endsWith("run1/results.json");
    // lm-eval: <output_path>/<model>/results_<time>.json; the newest wins.
    Path model = Files.createDirectories(tmp.resolve("out/org__model"));
    Files.writeString(model.resolve("results_2025-01-02T10-00-00.json"), "{\"results\": {}}");
    Files.writeString(model.resolve("results_2025-03-01T09-00-00.json"), "{\"results\": {}}");
    assertThat(RunResults.read(tmp.resolve("out")).source())
        .endsWith("results_2025-03-01T09-00-00.json");
    Files.createDirectories(tmp.resolve("out/other"));
    Files.writeString(tmp.resolve("out/other/results_2025-04-01.json"), "{\"results\": {}}");
    assertThatThrownBy(() -> RunResults.read(tmp.resolve("out")))
        .hasMessageContaining("results files in 2 folders");
    assertThatThrownBy(() -> RunResults.read(Files.createDirectories(tmp.resolve("empty"))))
        .hasMessageContaining("no results.json or results_*.json here");
  }

  @Test
  void malformedReferenceLinesNameTheLine() throws Exception {
    Path csv = tmp.resolve("refs.csv");
    Files.writeString(
        csv,
        "model,benchmark,metric,score,release_date,source\n"
            + "m,b,acc,80,2025-01-01,paper\n"
            + "m,b,acc,80,2025-01-01\n");
    assertThatThrownBy(() -> ReferenceScores.read(csv))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("refs.csv:3");
    Files.writeString(
        csv,
        "model,benchmark,metric,score,release_date,source\n"
            + "m,b,acc,80,2025-01-01,paper\n"
            + "m,b,acc,-3,2025-01-01,paper\n");
    assertThatThrownBy(() -> ReferenceScores.read(csv))
        .hasMessageContaining("refs.csv:3")
        .hasMessageContaining("positive");
  }
}
