package kr.gukdae.eval.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import kr.gukdae.eval.Metric.MetricValue;
import kr.gukdae.eval.tasks.RunPlan;
import kr.gukdae.eval.tasks.TaskGroup;
import org.junit.jupiter.api.Test;

/**
 * Group rows against values computed by hand (checked with Python): lm-eval's {@code
 * aggregate_subtask_metrics} and {@code pooled_sample_stderr} over the leaf tasks.
 */
class GroupResultsTest {

  private static TaskResult task(String name, int n, Map<String, MetricValue> metrics) {
    return new TaskResult(name, name, ResultsBuilder.MICRO, n, 0, metrics);
  }

  private static MetricValue v(double value, double stderr) {
    return new MetricValue(value, stderr, "mean");
  }

  private static final List<TaskResult> TASKS =
      List.of(
          task("t/a", 10, Map.of("acc,none", v(0.5, 0.1), "f1,none", v(0.2, 0.2))),
          task("t/b", 30, Map.of("acc,none", v(0.8, 0.05))),
          task("t/c", 6, Map.of("f1,none", v(0.6, 0.1))));

  @Test
  void weightedBySizeIsTheMeanOverAllSamplesWithPooledStderr() {
    var group =
        new RunPlan.Group(
            "g", 0, List.of("t/a", "t/b"), List.of(new TaskGroup.Aggregate("acc", true)));
    TaskResult row = GroupResults.of(List.of(group), TASKS).get(0);
    // (0.5 * 10 + 0.8 * 30) / 40 = 0.725;
    // sqrt((9 * 0.1^2 * 10 + 29 * 0.05^2 * 30) / (40 - 2) / 40) = 0.04497806482930845
    assertThat(row.metrics().get("acc,none").value()).isCloseTo(0.725, within(1e-12));
    assertThat(row.metrics().get("acc,none").stderr())
        .isCloseTo(0.04497806482930845, within(1e-12));
    assertThat(row.samples()).isEqualTo(40);
    assertThat(row.aggregation()).isEqualTo(GroupResults.WEIGHTED);
  }

  @Test
  void unweightedIsThePlainMeanOverTasksAndMissingMetricsAreSkipped() {
    var group =
        new RunPlan.Group(
            "g",
            1,
            List.of("t/a", "t/b", "t/c"),
            List.of(new TaskGroup.Aggregate("acc", false), new TaskGroup.Aggregate("f1", true)));
    TaskResult row = GroupResults.of(List.of(group), TASKS).get(0);
    assertThat(row.metrics().get("acc,none").value()).isCloseTo(0.65, within(1e-12));
    // f1 only in t/a (n 10) and t/c (n 6): (0.2 * 4 ... weighted by 10 and 6)
    assertThat(row.metrics().get("f1,none").value())
        .isCloseTo((0.2 * 10 + 0.6 * 6) / 16, within(1e-12));
    assertThat(row.alias()).isEqualTo("  - g");
  }

  @Test
  void everyFilterALeafReportsIsAggregatedAndAnUnknownStderrIsNa() {
    var tasks =
        List.of(
            task(
                "t/x",
                4,
                Map.of(
                    "exact_match,strict-match", v(0.25, 0.25),
                    "exact_match,flexible-extract", v(0.5, Double.NaN))),
            task(
                "t/y",
                4,
                Map.of(
                    "exact_match,strict-match", v(0.75, 0.25),
                    "exact_match,flexible-extract", v(1.0, 0.0))));
    var group =
        new RunPlan.Group(
            "g", 0, List.of("t/x", "t/y"), List.of(new TaskGroup.Aggregate("exact_match", true)));
    TaskResult row = GroupResults.of(List.of(group), tasks).get(0);
    assertThat(row.metrics())
        .containsOnlyKeys("exact_match,strict-match", "exact_match,flexible-extract");
    assertThat(row.metrics().get("exact_match,strict-match").value()).isEqualTo(0.5);
    assertThat(row.metrics().get("exact_match,flexible-extract").stderr()).isNaN();
  }
}
