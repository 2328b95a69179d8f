package kr.gukdae.app.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import kr.gukdae.UserError;
import kr.gukdae.eval.ModelCall;
import kr.gukdae.eval.Score;
import kr.gukdae.eval.run.EvalRunner;
import kr.gukdae.eval.run.SampleRecord;
import kr.gukdae.web.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A run's per-sample rows, read from its journal ({@link EvalRunner#samples}, the records the
 * results were computed from): every sample as the run viewer shows it, or the rows behind one
 * task's number with their mean next to the stored result. One reader, one order (task, then
 * document), one page rule and one bound on the untrusted texts for both.
 */
@Service
class RunSamples {

  /** Samples one viewer reply carries at most; the rest is counted, not sent. */
  static final int MAX_SAMPLES = 5000;

  /** Rows one page of a task's scored samples carries at most. */
  static final int MAX_LIMIT = 500;

  /** Characters of a prompt or response shown; long contexts are cut with an ellipsis. */
  static final int MAX_TEXT = 4000;

  private final EvalStore store;

  RunSamples(EvalStore store) {
    this.store = store;
  }

  /** One sample as the viewer shows it; {@code correct} is the first metric (by name) ≥ 1. */
  record SampleView(
      String task,
      int docId,
      @Nullable String category,
      String prompt,
      String response,
      String answer,
      String target,
      Map<String, Double> scores,
      boolean correct,
      @Nullable String error) {}

  record SampleList(int total, boolean truncated, List<SampleView> samples) {}

  record ScoredRow(
      int docId,
      String prompt,
      @Nullable String response,
      @Nullable String target,
      @Nullable Double score) {}

  /**
   * {@code value}: the run's stored result for (task, metric, filter); {@code mean}: the mean of
   * the sample scores, the same number recomputed from the rows.
   */
  record ScoredSamples(
      String run,
      String task,
      String metric,
      String filter,
      double value,
      double mean,
      int samples,
      int offset,
      List<ScoredRow> rows) {}

  /** The run, or a 404 problem naming it. */
  EvalStore.RunRow run(String id) {
    return store
        .run(id)
        .orElseThrow(() -> NotFound.of("run " + id + ": 없는 실행입니다", "run " + id + ": no such run"));
  }

  /**
   * Whether anyone may read the run's samples: rows from the project's bundled samples are public
   * like the run's scores; a real benchmark's rows are not (a held-out test set must not leak).
   */
  static boolean isPublic(EvalStore.RunRow run) {
    return EvalStore.BUNDLED.equals(run.dataSource());
  }

  /** Every sample of the run, up to {@link #MAX_SAMPLES}. */
  SampleList all(EvalStore.RunRow run) {
    List<SampleRecord> records = records(run, r -> true);
    List<SampleRecord> page = page(records, 0, MAX_SAMPLES);
    return new SampleList(
        records.size(), page.size() < records.size(), page.stream().map(RunSamples::view).toList());
  }

  /**
   * The samples scored under (task, metric, filter), from {@code offset}, at most {@code limit}
   * (within 1 and {@link #MAX_LIMIT}). The task must be one the run reported a result for.
   */
  ScoredSamples scored(
      String id, String task, String metric, String filter, int offset, int limit) {
    EvalStore.RunRow run = run(id);
    EvalStore.ResultRow result =
        store.results(id).stream()
            .filter(r -> r.task().equals(task) && r.metric().equals(metric))
            .filter(r -> r.filterName().equals(filter))
            .findFirst()
            .orElseThrow(() ->
                UserError.of(
                    "run "
                        + id
                        + ": 작업 '"
                        + task
                        + "', 지표 '"
                        + metric
                        + "', 필터 '"
                        + filter
                        + "'의 결과가 없습니다 (GET /api/eval/runs/"
                        + id
                        + "가 목록을 보여 줍니다)",
                    "run "
                        + id
                        + ": has no result for task '"
                        + task
                        + "', metric '"
                        + metric
                        + "', filter '"
                        + filter
                        + "'; GET /api/eval/runs/"
                        + id
                        + " lists them"));
    String suffix = "," + filter;
    // as lm-eval's samples file: the task's samples scored under this filter, the metric's value
    // where the sample has one
    List<SampleRecord> records =
        records(
            run,
            r ->
                r.task().equals(task)
                    && r.scores().keySet().stream().anyMatch(k -> k.endsWith(suffix)));
    if (records.isEmpty()) {
      throw UserError.of(
          "run " + id + ": 작업 '" + task + "'의 샘플이 저널에 없습니다 (그룹인가요?)",
          "run " + id + ": its journal has no samples of task '" + task + "' (a group?)");
    }
    String key = metric + suffix;
    double sum = 0;
    for (SampleRecord r : records) {
      Score score = r.scores().get(key);
      sum += score == null ? 0 : score.value();
    }
    int from = Math.max(0, offset);
    List<ScoredRow> rows = new ArrayList<>();
    for (SampleRecord r : page(records, from, Math.min(Math.max(1, limit), MAX_LIMIT))) {
      Score score = r.scores().get(key);
      rows.add(
          new ScoredRow(
              r.docId(),
              cut(prompt(r)),
              cut(response(r)),
              score == null ? null : cut(score.target()),
              score == null ? null : score.value()));
    }
    return new ScoredSamples(
        id,
        task,
        metric,
        filter,
        result.metricValue(),
        sum / records.size(),
        records.size(),
        from,
        rows);
  }

  /**
   * The run's final sample records that {@code keep} accepts, by task name, then document: the
   * journal's own order is the order samples finished in, which differs between runs.
   */
  private static List<SampleRecord> records(EvalStore.RunRow run, Predicate<SampleRecord> keep) {
    String dir = run.outputDir();
    List<SampleRecord> all = dir == null ? List.of() : EvalRunner.samples(Path.of(dir));
    return all.stream()
        .filter(keep)
        .sorted(Comparator.comparing(SampleRecord::task).thenComparingInt(SampleRecord::docId))
        .toList();
  }

  /** Up to {@code limit} items from {@code offset}; empty past the end. */
  private static <T> List<T> page(List<T> items, int offset, int limit) {
    int from = Math.min(offset, items.size());
    return items.subList(from, Math.min(items.size(), from + limit));
  }

  static SampleView view(SampleRecord r) {
    Map<String, Double> scores = new TreeMap<>();
    r.scores().forEach((key, score) -> scores.put(key, score.value()));
    Score first =
        r.scores().isEmpty() ? null : r.scores().get(new TreeMap<>(r.scores()).firstKey());
    return new SampleView(
        r.task(),
        r.docId(),
        r.category(),
        cut(prompt(r)),
        cut(response(r)),
        first == null ? "" : cut(first.answer()),
        first == null ? "" : cut(first.target()),
        scores,
        first != null && first.value() >= 1.0,
        r.error());
  }

  /** The first request's first part: the prompt text, or a chat request's messages. */
  private static String prompt(SampleRecord r) {
    for (ModelCall call : r.calls()) {
      if (!call.arguments().isEmpty() && !call.arguments().get(0).isEmpty()) {
        return call.arguments().get(0).get(0);
      }
    }
    return "";
  }

  /**
   * The completion the scorers read, else every raw response (one per choice for log-likelihood).
   */
  private static String response(SampleRecord r) {
    if (r.completion() != null) {
      return r.completion();
    }
    List<String> responses = new ArrayList<>();
    r.calls().forEach(call -> responses.addAll(call.responses()));
    return String.join("\n", responses);
  }

  private static String cut(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
  }
}
