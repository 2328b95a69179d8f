package kr.gukdae.eval.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.eval.ModelCall;
import kr.gukdae.eval.Score;
import kr.gukdae.eval.ScoreSpec;
import kr.gukdae.eval.Task;
import kr.gukdae.eval.TaskState;
import kr.gukdae.model.ModelOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code process_results} helper's values aggregated as lm-eval's {@code metric_list} says:
 * median as lm-eval's {@code sorted(values)[n // 2]}, perplexity, binary F1 and Matthews'
 * correlation as scikit-learn computes them (expected values worked out by hand below), {@code
 * higher_is_better} taken from the file; an aggregation gukdae does not compute is an error naming
 * the file, the metric and the supported list, never a silent mean.
 */
class HelperAggregationTest {

  @TempDir Path tmp;
  private Path dir;
  private Path hf;

  // gold answers and the replies the test gives, one per document
  private static final List<String> GOLD = List.of("yes", "no", "yes", "yes", "no");
  private static final List<String> REPLIES = List.of("yes", "yes", "no", "yes", "no");

  @BeforeEach
  void files() throws Exception {
    dir = Files.createDirectories(tmp.resolve("tasks"));
    hf = tmp.resolve("hf");
    Files.createDirectories(hf.resolve("org/yn"));
    var rows = new StringBuilder();
    double[] lls = {-1.0, -3.0, -2.0, -0.5, -4.0};
    for (int i = 0; i < GOLD.size(); i++) {
      rows.append(
          "{\"q\": \"q" + i + "\", \"a\": \"" + GOLD.get(i) + "\", \"ll\": " + lls[i] + "}\n");
    }
    Files.writeString(hf.resolve("org/yn/test.jsonl"), rows);
    Files.writeString(
        dir.resolve("utils.py"),
        """
        def process_results(doc, results):
            pred = results[0].strip()
            return {
                "ll": doc["ll"],
                "nll": -doc["ll"],
                "f1": (int(doc["a"] == "yes"), int(pred == "yes")),
                "mcc": (doc["a"], pred),
                "acc": pred == doc["a"],
                "broken": "not a number",
            }
        """);
  }

  private Task load(String metrics) throws Exception {
    Files.writeString(
        dir.resolve("yn.yaml"),
        """
        task: yn
        dataset_path: org/yn
        test_split: test
        output_type: generate_until
        doc_to_text: "{{q}}"
        doc_to_target: "{{a}}"
        process_results: !function utils.process_results
        metric_list:
        """
            + metrics);
    return TaskRegistry.create(List.of(dir)).load("lmeval/yn", new TaskLoader.Options(0, null, hf));
  }

  private static Map<String, Double> aggregate(Task task) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (ScoreSpec spec : task.scorers()) {
      List<Score> scores = new ArrayList<>();
      for (int i = 0; i < task.samples().size(); i++) {
        var call = new ModelCall("generate_until", List.of(), List.of(REPLIES.get(i)));
        TaskState state =
            TaskState.initial(task.samples().get(i))
                .withOutput(new ModelOutput(REPLIES.get(i), "stop", 0, 0), call);
        scores.add(spec.scorer().score(state));
      }
      out.put(spec.metric(), spec.aggregation().aggregate(scores).value());
    }
    return out;
  }

  @Test
  void eachMetricIsAggregatedAsItsEntrySays() throws Exception {
    Task task =
        load(
            """
              - metric: ll
                aggregation: median
                higher_is_better: true
              - metric: nll
                aggregation: perplexity
                higher_is_better: false
              - metric: f1
              - metric: mcc
              - metric: acc
            """);
    Map<String, Double> values = aggregate(task);
    // ll sorted: -4, -3, -2, -1, -0.5; lm-eval's median is the value at index 5 // 2 = 2
    assertThat(values.get("ll")).isEqualTo(-2.0);
    // perplexity = exp(-mean(nll)); nll = 1, 3, 2, 0.5, 4 → mean 2.1
    assertThat(values.get("nll")).isCloseTo(Math.exp(-2.1), within(1e-12));
    // binary F1, positive label 1 (yes): tp 2 (docs 0, 3), fp 1 (doc 1), fn 1 (doc 2) → 4/6
    assertThat(values.get("f1")).isCloseTo(2.0 / 3.0, within(1e-12));
    // MCC over labels yes/no: tp 2, tn 1, fp 1, fn 1 → (2·1 − 1·1)/√(3·3·2·2) = 1/6
    assertThat(values.get("mcc")).isCloseTo(1.0 / 6.0, within(1e-12));
    assertThat(values.get("acc")).isCloseTo(3.0 / 5.0, within(1e-12));
    assertThat(task.scorers())
        .extracting(ScoreSpec::aggregationName)
        .containsExactly("median", "perplexity", "f1", "matthews_corrcoef", "mean");
    // the file's direction; lm-eval's registry's for metrics the file leaves open
    assertThat(task.scorers())
        .extracting(ScoreSpec::higherIsBetter)
        .containsExactly(true, false, true, true, true);
  }

  @Test
  void anAggregationGukdaeDoesNotComputeIsAnErrorNamingFileMetricAndTheSupportedList() {
    for (String agg : List.of("bleu", "nanmean", "!function utils.corpus", "geometric")) {
      assertThatThrownBy(() -> load("  - metric: ll\n    aggregation: " + agg + "\n"))
          .as(agg)
          .isInstanceOf(UserError.class)
          .hasMessageContaining("yn.yaml")
          .hasMessageContaining("metric 'll'")
          .hasMessageContaining("[mean, median, perplexity, f1, matthews_corrcoef]");
    }
    // a metric lm-eval does not know, without an aggregation: lm-eval stops too
    assertThatThrownBy(() -> load("  - metric: ll\n"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("add 'aggregation: mean'");
  }

  @Test
  void aValueOfTheWrongShapeNamesTheMetricAndWhatWasExpected() throws Exception {
    Task median = load("  - metric: broken\n    aggregation: median\n");
    assertThatThrownBy(() -> aggregate(median))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("without a number for metric 'broken' (aggregation median)");
    // scikit-learn's binary F1 refuses labels other than 0/1; so does gukdae
    Task f1 = load("  - metric: mcc\n    aggregation: f1\n");
    assertThatThrownBy(() -> aggregate(f1))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("a [gold, prediction] pair of 0/1 labels");
  }
}
