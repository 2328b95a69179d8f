package kr.gukdae.app.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kr.gukdae.eval.Metric.MetricValue;
import kr.gukdae.eval.run.EvalOutcome;
import kr.gukdae.eval.run.ProgressListener;
import kr.gukdae.eval.run.TaskResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Evaluation runs and their per-metric results in the database. */
@Repository
public class EvalStore {

  private static final String SELECT_RUN =
      "SELECT id, model, tasks, status, samples_total, samples_done, errors, output_dir,"
          + " started_at, finished_at FROM eval_run";

  private final JdbcClient jdbc;
  private final Map<String, RunProgress> live = new ConcurrentHashMap<>();

  public EvalStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored run; {@code resultsJson} is the lm-evaluation-harness results document. */
  public record RunRow(
      String id,
      String model,
      String tasks,
      String status,
      int samplesTotal,
      int samplesDone,
      int errors,
      @Nullable String outputDir,
      OffsetDateTime startedAt,
      @Nullable OffsetDateTime finishedAt) {}

  /** One metric of one task (or category, or macro group) of a run. */
  public record ResultRow(
      String task,
      String metric,
      String filterName,
      String aggregation,
      double metricValue,
      @Nullable Double stderr,
      int nSamples) {}

  public void started(String runId, String model, List<String> tasks, Path dir) {
    live.put(runId, new RunProgress());
    int updated =
        jdbc.sql("UPDATE eval_run SET status = 'RUNNING', finished_at = NULL WHERE id = ?")
            .param(runId)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO eval_run (id, model, tasks, status, output_dir, started_at)"
                  + " VALUES (?, ?, ?, 'RUNNING', ?, ?)")
          .params(runId, model, String.join(",", tasks), dir.toString(), now())
          .update();
    }
  }

  ProgressListener progressRecorder(String runId, ProgressListener delegate) {
    RunProgress progress = live.get(runId);
    return new ProgressListener() {
      @Override
      public void started(int total, int alreadyDone) {
        progress.started(total, alreadyDone);
        jdbc.sql("UPDATE eval_run SET samples_total = ?, samples_done = ? WHERE id = ?")
            .params(total, alreadyDone, runId)
            .update();
        delegate.started(total, alreadyDone);
      }

      @Override
      public void sampleFinished(boolean ok) {
        progress.finishedOne(ok);
        delegate.sampleFinished(ok);
      }
    };
  }

  @Transactional
  void finished(String runId, EvalOutcome outcome) {
    RunProgress.Snapshot s = live.get(runId).snapshot();
    recordFinished(runId, outcome, s.done());
    live.remove(runId);
  }

  /**
   * Records a finished run's results, also for runs whose samples were evaluated by other processes
   * (distributed workers); the caller holds the transaction.
   */
  public void recordFinished(String runId, EvalOutcome outcome, int samplesDone) {
    jdbc.sql(
            "UPDATE eval_run SET status = 'DONE', samples_done = ?, errors = ?, finished_at = ?,"
                + " results_json = ? WHERE id = ?")
        .params(samplesDone, outcome.errors(), now(), read(outcome.resultsFile()), runId)
        .update();
    jdbc.sql("DELETE FROM eval_result WHERE run_id = ?").param(runId).update();
    insertResults(runId, outcome.results());
    insertResults(runId, outcome.groups().stream().map(EvalStore::asGroup).toList());
  }

  private void insertResults(String runId, List<TaskResult> results) {
    for (TaskResult r : results) {
      for (Map.Entry<String, MetricValue> e : r.metrics().entrySet()) {
        String[] parts = e.getKey().split(",", 2);
        MetricValue v = e.getValue();
        if (Double.isNaN(v.value())) {
          continue;
        }
        jdbc.sql(
                "INSERT INTO eval_result (run_id, task, metric, filter_name, aggregation,"
                    + " metric_value, stderr, n_samples) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .params(
                runId,
                r.name(),
                parts[0],
                parts[1],
                r.aggregation(),
                v.value(),
                Double.isNaN(v.stderr()) ? null : v.stderr(),
                r.samples())
            .update();
      }
    }
  }

  /** Macro groups share their task's name; stored under "task#macro" to keep keys unique. */
  /**
   * A task's macro row over its categories is stored as {@code task#macro}; an lm-eval group
   * ({@code kmmlu}) under its own name, which no task has (task names are {@code namespace/name}).
   */
  private static TaskResult asGroup(TaskResult g) {
    if (!g.aggregation().startsWith("macro")) {
      return g;
    }
    return new TaskResult(
        g.name() + "#macro", g.alias(), g.aggregation(), g.samples(), g.errors(), g.metrics());
  }

  public void failed(String runId, RuntimeException error) {
    jdbc.sql("UPDATE eval_run SET status = 'FAILED', finished_at = ? WHERE id = ?")
        .params(now(), runId)
        .update();
    live.remove(runId);
  }

  public List<RunRow> runs() {
    return jdbc.sql(SELECT_RUN + " ORDER BY started_at DESC").query(RunRow.class).list();
  }

  public Optional<RunRow> run(String runId) {
    return jdbc.sql(SELECT_RUN + " WHERE id = ?").param(runId).query(RunRow.class).optional();
  }

  public List<ResultRow> results(String runId) {
    return jdbc.sql(
            "SELECT task, metric, filter_name, aggregation, metric_value, stderr, n_samples"
                + " FROM eval_result WHERE run_id = ? ORDER BY task, metric")
        .param(runId)
        .query(ResultRow.class)
        .list();
  }

  public Optional<RunProgress.Snapshot> progress(String runId) {
    return Optional.ofNullable(live.get(runId)).map(RunProgress::snapshot);
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
