package kr.gukdae.eval.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.gukdae.eval.Metric.MetricValue;
import kr.gukdae.eval.Score;
import kr.gukdae.eval.ScoreSpec;
import kr.gukdae.eval.Task;
import kr.gukdae.eval.tasks.RunPlan;

/** Turns a journal into results: per task (micro), per category, and per-task macro groups. */
final class ResultsBuilder {

  static final String MICRO = "micro: mean over samples";
  static final String MACRO = "macro: unweighted mean over categories";

  private ResultsBuilder() {}

  static EvalOutcome build(
      List<Task> tasks,
      List<RunPlan.Group> plannedGroups,
      RunOptions options,
      RunManifest manifest,
      Path journal,
      Duration elapsed) {
    // The first successful record per sample counts (a finished sample is never asked again);
    // errors count only where no success exists.
    Map<String, SampleRecord> ok = new HashMap<>();
    Map<String, String> failed = new HashMap<>();
    Journal.forEach(
        journal,
        record -> {
          String key = Journal.key(record.task(), record.docId());
          if (record.ok()) {
            ok.putIfAbsent(key, slim(record));
          } else {
            failed.put(key, record.task());
          }
        });
    failed.keySet().removeAll(ok.keySet());

    List<TaskResult> results = new ArrayList<>();
    List<TaskResult> groups = new ArrayList<>();
    int totalErrors = 0;
    for (Task task : tasks) {
      List<SampleRecord> records = new ArrayList<>();
      int errors = 0;
      for (var sample : task.samples(options.limit())) {
        String key = Journal.key(task.name(), sample.docId());
        SampleRecord record = ok.get(key);
        if (record != null) {
          records.add(record);
        } else if (failed.containsKey(key)) {
          errors++;
        }
      }
      totalErrors += errors;
      results.add(result(task, task.name(), task.name(), MICRO, records, errors));
      if (task.config().groupBy() != null) {
        Map<String, List<SampleRecord>> byCategory = new TreeMap<>();
        for (SampleRecord r : records) {
          byCategory.computeIfAbsent(String.valueOf(r.category()), c -> new ArrayList<>()).add(r);
        }
        List<TaskResult> categories = new ArrayList<>();
        byCategory.forEach((category, rs) ->
            categories.add(
                result(task, task.name() + ":" + category, " - " + category, MICRO, rs, 0)));
        results.addAll(categories);
        groups.add(macro(task, categories, records.size(), errors));
      }
    }
    // lm-eval's groups first, as its results.json lists them
    groups.addAll(0, GroupResults.of(plannedGroups, results));
    var outcome =
        new EvalOutcome(
            manifest,
            results,
            groups,
            totalErrors,
            options.runDir().resolve("results.json"),
            elapsed.toMillis() / 1000.0);
    LmEvalWriter.write(outcome, tasks, plannedGroups, options, journal, ok.keySet());
    return outcome;
  }

  private static TaskResult result(
      Task task,
      String name,
      String alias,
      String aggregation,
      List<SampleRecord> records,
      int errors) {
    Map<String, MetricValue> metrics = new LinkedHashMap<>();
    for (ScoreSpec spec : task.scorers()) {
      List<Score> scores = new ArrayList<>(records.size());
      for (SampleRecord r : records) {
        Score s = r.scores().get(spec.key());
        if (s != null) {
          scores.add(s);
        }
      }
      metrics.put(spec.key(), spec.aggregation().aggregate(scores));
    }
    return new TaskResult(name, alias, aggregation, records.size(), errors, metrics);
  }

  /** Unweighted mean of the categories; its stderr combines theirs as independent estimates. */
  private static TaskResult macro(Task task, List<TaskResult> categories, int samples, int errors) {
    Map<String, MetricValue> metrics = new LinkedHashMap<>();
    for (ScoreSpec spec : task.scorers()) {
      double sum = 0;
      double variance = 0;
      int k = 0;
      for (TaskResult c : categories) {
        MetricValue v = c.metrics().get(spec.key());
        if (v != null && !Double.isNaN(v.value())) {
          sum += v.value();
          variance += Double.isNaN(v.stderr()) ? 0 : v.stderr() * v.stderr();
          k++;
        }
      }
      metrics.put(
          spec.key(),
          new MetricValue(
              k == 0 ? Double.NaN : sum / k,
              k == 0 ? Double.NaN : Math.sqrt(variance) / k,
              "macro mean"));
    }
    return new TaskResult(task.name(), task.name(), MACRO, samples, errors, metrics);
  }

  /** Keeps only what the metrics need, so 35,000 samples fit in a small heap. */
  private static SampleRecord slim(SampleRecord r) {
    return new SampleRecord(r.task(), r.docId(), r.category(), r.scores(), List.of(), null, null);
  }
}
