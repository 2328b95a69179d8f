package kr.gukdae.eval.reference;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kr.gukdae.Bilingual;
import kr.gukdae.UserError;
import kr.gukdae.eval.reference.ComparisonRow.Compared;
import kr.gukdae.eval.reference.ComparisonRow.NoReference;
import kr.gukdae.eval.reference.RunResults.TaskMetrics;

/**
 * A run's tasks set against reference scores: per task, the reference row for the task's benchmark
 * (a target model's, or the best recent one), our value of that row's metric in percent, and the
 * achievement ratio the stage engine uses.
 *
 * <p>A task matches a benchmark of the same name (case-insensitive). lm-eval names tasks without
 * gukdae's {@code ko/} or {@code global/} prefix, so a bare name also matches the one benchmark
 * whose last path segment it is. Our value is the task's primary metric when the file states it and
 * it is the reference's metric (gukdae's runs state it: the first metric of the task file's {@code
 * metric_list} under its first filter); otherwise {@code <metric>,none}, then {@code
 * <metric>,strict-match}, then the alphabetically first {@code <metric>,<filter>}: never the file's
 * key order, which differs between writers. Each row states the key it used. lm-eval writes
 * fractions, references are percent.
 */
public record Comparison(String results, Baseline baseline, double goal, List<ComparisonRow> rows) {

  public Comparison {
    Objects.requireNonNull(results, "results");
    Objects.requireNonNull(baseline, "baseline");
    rows = List.copyOf(rows);
  }

  public static Comparison of(
      RunResults run, ReferenceScores references, Baseline baseline, double goal) {
    if (!Double.isFinite(goal) || goal <= 0) {
      throw UserError.of(
          "--goal은 0.95처럼 양의 비율이어야 하는데 " + goal + "이(가) 주어졌습니다",
          "--goal must be a positive ratio such as 0.95, got " + goal);
    }
    if (baseline instanceof Baseline.Target target) {
      requireKnown(references, target.model());
    }
    List<ComparisonRow> rows = new ArrayList<>();
    for (TaskMetrics task : run.tasks()) {
      rows.add(row(run.source(), task, references, baseline, goal));
    }
    return new Comparison(run.source(), baseline, goal, rows);
  }

  public List<Compared> compared() {
    return rows.stream().filter(Compared.class::isInstance).map(Compared.class::cast).toList();
  }

  private static ComparisonRow row(
      String source, TaskMetrics task, ReferenceScores refs, Baseline baseline, double goal) {
    Optional<String> benchmark = benchmarkFor(task.task(), refs);
    if (benchmark.isEmpty()) {
      return new NoReference(
          task.task(), new Bilingual("이 벤치마크의 참조 행이 없음", "no reference row for this benchmark"));
    }
    String b = benchmark.get();
    List<ReferenceScore> candidates =
        refs.all().stream()
            .filter(s -> s.benchmark().equalsIgnoreCase(b))
            .filter(s ->
                !(baseline instanceof Baseline.Target t) || s.model().equalsIgnoreCase(t.model()))
            .toList();
    if (candidates.isEmpty()) {
      String model = ((Baseline.Target) baseline).model();
      return new NoReference(
          task.task(),
          new Bilingual(model + "에 " + b + " 점수가 없음", model + " has no score on " + b));
    }
    Set<String> metrics = new LinkedHashSet<>();
    candidates.forEach(s -> metrics.add(s.metric()));
    for (String metric : metrics) {
      Optional<String> key = keyFor(task, metric);
      if (key.isEmpty()) {
        continue;
      }
      Optional<ReferenceScore> reference =
          switch (baseline) {
            case Baseline.Target t -> refs.find(t.model(), b, metric);
            case Baseline.BestWithin w -> refs.bestWithin(b, metric, w.asOf(), w.months());
          };
      if (reference.isEmpty() && baseline instanceof Baseline.BestWithin w) {
        return new NoReference(
            task.task(),
            new Bilingual(
                w.asOf() + "까지 " + w.months() + "개월 안에 공개된 모델의 " + b + " 점수가 없음",
                "no "
                    + b
                    + " score from a model released in the "
                    + w.months()
                    + " months up to "
                    + w.asOf()));
      }
      double percent = percent(source, task, key.get());
      Achievement achievement = ReferenceScores.achievement(percent, reference.orElseThrow());
      return new Compared(task.task(), key.get(), achievement, achievement.meets(goal));
    }
    throw UserError.of(
        source
            + ": results."
            + task.task()
            + "에 "
            + String.join(" 또는 ", metrics.stream().map(m -> "'" + m + ",<filter>'").toList())
            + " 값이 없습니다 (있는 값: "
            + (task.metrics().isEmpty() ? "없음" : String.join(", ", task.metrics().keySet()))
            + "). "
            + b
            + "의 참조 행은 "
            + String.join("/", metrics)
            + " 지표를 씁니다. 그 지표로 태스크를 실행하거나, metric 열이 이 실행의 지표 중 하나인 CSV를 --references로 주세요",
        source
            + ": results."
            + task.task()
            + " has no "
            + String.join(" or ", metrics.stream().map(m -> "'" + m + ",<filter>'").toList())
            + " value (it has "
            + (task.metrics().isEmpty() ? "none" : String.join(", ", task.metrics().keySet()))
            + "); the reference rows for "
            + b
            + " use "
            + String.join("/", metrics)
            + ": run the task with that metric, or give --references a CSV whose metric column"
            + " names one of the run's metrics");
  }

  static Optional<String> benchmarkFor(String task, ReferenceScores refs) {
    String t = task.toLowerCase(Locale.ROOT);
    Set<String> exact = new LinkedHashSet<>();
    Set<String> bySegment = new LinkedHashSet<>();
    for (ReferenceScore s : refs.all()) {
      String b = s.benchmark().toLowerCase(Locale.ROOT);
      if (b.equals(t)) {
        exact.add(s.benchmark());
      } else if (!t.contains("/") && b.substring(b.lastIndexOf('/') + 1).equals(t)) {
        bySegment.add(s.benchmark());
      }
    }
    if (!exact.isEmpty()) {
      return Optional.of(exact.iterator().next());
    }
    return bySegment.size() == 1 ? Optional.of(bySegment.iterator().next()) : Optional.empty();
  }

  /** The key of {@code metric} to compare; see the class comment for the order of choice. */
  static Optional<String> keyFor(TaskMetrics task, String metric) {
    String prefix = metric.toLowerCase(Locale.ROOT) + ",";
    if (task.primary() != null && task.primary().toLowerCase(Locale.ROOT).startsWith(prefix)) {
      return Optional.of(task.primary());
    }
    List<String> keys =
        task.metrics().keySet().stream()
            .filter(k -> k.toLowerCase(Locale.ROOT).startsWith(prefix))
            .sorted()
            .toList();
    for (String preferred : List.of("none", "strict-match")) {
      Optional<String> hit =
          keys.stream()
              .filter(k -> k.toLowerCase(Locale.ROOT).equals(prefix + preferred))
              .findFirst();
      if (hit.isPresent()) {
        return hit;
      }
    }
    return keys.stream().findFirst();
  }

  private static double percent(String source, TaskMetrics task, String key) {
    String field = source + ": results." + task.task() + ".\"" + key + "\"";
    Double found = task.metrics().get(key);
    if (found == null) {
      throw UserError.of(
          field + "이(가) 없습니다. 과제를 다시 실행하거나 파일에서 빼세요",
          field + " is missing; rerun the task or drop it from the file");
    }
    double value = found;
    if (Double.isNaN(value)) {
      throw UserError.of(
          field + "이(가) 숫자가 아닙니다. 과제를 다시 실행하거나 파일에서 빼세요",
          field + " is not a number; rerun the task or drop it from the file");
    }
    if (value < 0 || value > 1) {
      throw UserError.of(
          field
              + " = "
              + value
              + "은(는) 0~1 사이 비율이 아닙니다. lm-eval이 비율로 쓰는 정확도류 지표(acc, exact_match)를"
              + " 비교하세요",
          field
              + " = "
              + value
              + " is not a 0-1 fraction; compare accuracy-like metrics (acc, exact_match),"
              + " which lm-eval writes as fractions");
    }
    return value * 100;
  }

  private static void requireKnown(ReferenceScores refs, String model) {
    List<String> models = refs.models();
    if (models.stream().anyMatch(m -> m.equalsIgnoreCase(model))) {
      return;
    }
    List<String> close = Names.closest(model, models, 5);
    throw UserError.of(
        "--target "
            + model
            + ": 참조 표에 그런 모델이 없습니다. "
            + (close.isEmpty()
                ? "표에 있는 모델: " + String.join(", ", models.stream().limit(12).toList())
                : String.join(", ", close) + "을(를) 뜻했나요?"),
        "--target "
            + model
            + ": no such model in the reference table; "
            + (close.isEmpty()
                ? "models there: " + String.join(", ", models.stream().limit(12).toList())
                : "did you mean " + String.join(", ", close) + "?"));
  }

  /** How many compared tasks reach the goal. */
  public long meetingGoal() {
    return compared().stream().filter(Compared::meetsGoal).count();
  }
}
