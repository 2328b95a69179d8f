package kr.gukdae.eval.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.gukdae.eval.Metric.MetricValue;
import kr.gukdae.eval.tasks.RunPlan;
import kr.gukdae.eval.tasks.TaskGroup;

/**
 * Group rows as lm-evaluation-harness computes them: for each metric of the group's {@code
 * aggregate_metric_list}, under every filter its leaf tasks report, the mean of the leaf tasks'
 * values weighted by their sample counts ({@code weight_by_size: true}) or unweighted, and the
 * pooled sample standard error over the same leaves, {@code sqrt(sum((n_i - 1) * se_i^2 * n_i) / (N
 * - k) / N)}; "N/A" (NaN) when a leaf lacks one.
 */
final class GroupResults {

  static final String WEIGHTED = "group: mean over its tasks weighted by their sample counts";
  static final String UNWEIGHTED = "group: unweighted mean over its tasks";

  private GroupResults() {}

  static List<TaskResult> of(List<RunPlan.Group> groups, List<TaskResult> taskResults) {
    Map<String, TaskResult> byName = new LinkedHashMap<>();
    taskResults.forEach(r -> byName.putIfAbsent(r.name(), r));
    List<TaskResult> out = new ArrayList<>();
    for (RunPlan.Group group : groups) {
      List<TaskResult> leaves = new ArrayList<>();
      for (String leaf : group.leaves()) {
        TaskResult r = byName.get(leaf);
        if (r != null) {
          leaves.add(r);
        }
      }
      Map<String, MetricValue> metrics = new LinkedHashMap<>();
      boolean allWeighted = true;
      for (TaskGroup.Aggregate aggregate : group.aggregates()) {
        allWeighted &= aggregate.weightBySize();
        for (String key : keys(aggregate.metric(), leaves)) {
          metrics.put(key, aggregate(key, leaves, aggregate.weightBySize()));
        }
      }
      int samples = leaves.stream().mapToInt(TaskResult::samples).sum();
      int errors = leaves.stream().mapToInt(TaskResult::errors).sum();
      String alias = "  ".repeat(group.depth()) + (group.depth() == 0 ? "" : "- ") + group.name();
      out.add(
          new TaskResult(
              group.name(), alias, allWeighted ? WEIGHTED : UNWEIGHTED, samples, errors, metrics));
    }
    return out;
  }

  /** {@code metric,filter} keys of this metric that any leaf reports (lm-eval discovers them). */
  private static Set<String> keys(String metric, List<TaskResult> leaves) {
    Set<String> keys = new LinkedHashSet<>();
    for (TaskResult leaf : leaves) {
      for (String key : leaf.metrics().keySet()) {
        if (key.startsWith(metric + ",")) {
          keys.add(key);
        }
      }
    }
    return keys;
  }

  private static MetricValue aggregate(String key, List<TaskResult> leaves, boolean bySize) {
    double weighted = 0;
    double weights = 0;
    double pooled = 0;
    long total = 0;
    int k = 0;
    boolean stderrKnown = true;
    for (TaskResult leaf : leaves) {
      MetricValue v = leaf.metrics().get(key);
      if (v == null || Double.isNaN(v.value())) {
        continue;
      }
      int n = leaf.samples();
      double weight = bySize ? n : 1;
      weighted += v.value() * weight;
      weights += weight;
      total += n;
      k++;
      if (Double.isNaN(v.stderr())) {
        stderrKnown = false;
      } else {
        pooled += (n - 1) * v.stderr() * v.stderr() * n;
      }
    }
    double value = weights == 0 ? Double.NaN : weighted / weights;
    double stderr =
        stderrKnown && total - k > 0 ? Math.sqrt(pooled / (total - k) / total) : Double.NaN;
    return new MetricValue(value, stderr, bySize ? "weighted mean" : "mean");
  }
}
