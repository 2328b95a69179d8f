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
          + " started_at, finished_at, error, data_source FROM eval_run";

  /** {@code data_source} of a run on the project's own sample rows instead of the benchmark. */
  public static final String BUNDLED = "bundled";

  /** Longest stored failure message (the column's width). */
  private static final int MAX_ERROR = 4000;

  private final JdbcClient jdbc;
  private final Map<String, RunProgress> live = new ConcurrentHashMap<>();

  public EvalStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A stored run. {@code error}: why a FAILED run failed; {@code dataSource}: {@link #BUNDLED}, a
   * data folder, or null for runs recorded before it was kept.
   */
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
      @Nullable OffsetDateTime finishedAt,
      @Nullable String error,
      @Nullable String dataSource) {}

  /** One metric of one task (or category, or macro group) of a run. */
  public record ResultRow(
      String task,
      String metric,
      String filterName,
      String aggregation,
      double metricValue,
      @Nullable Double stderr,
      int nSamples) {}

  public void started(String runId, String model, List<String> tasks, Path dir, String dataSource) {
    live.put(runId, new RunProgress());
    int updated =
        jdbc.sql(
                "UPDATE eval_run SET status = 'RUNNING', finished_at = NULL, error = NULL"
                    + " WHERE id = ?")
            .param(runId)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO eval_run (id, model, tasks, status, output_dir, started_at,"
                  + " data_source) VALUES (?, ?, ?, 'RUNNING', ?, ?, ?)")
          .params(runId, model, String.join(",", tasks), dir.toString(), now(), dataSource)
          .update();
    }
  }

  /**
   * A run that stopped before its first sample (data missing, model not opened): recorded as FAILED
   * with the reason, so the page shows it instead of a run id that leads nowhere.
   */
  void failedToStart(
      String runId, String model, List<String> tasks, String dataSource, String error) {
    if (run(runId).isPresent()) {
      failed(runId, error);
      return;
    }
    jdbc.sql(
            "INSERT INTO eval_run (id, model, tasks, status, started_at, finished_at, error,"
                + " data_source) VALUES (?, ?, ?, 'FAILED', ?, ?, ?, ?)")
        .params(runId, model, String.join(",", tasks), now(), now(), clip(error), dataSource)
        .update();
  }

  ProgressListener progressRecorder(String runId, ProgressListener delegate) {
    RunProgress progress = liveRun(runId);
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
    RunProgress.Snapshot s = liveRun(runId).snapshot();
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
            // param(…) one at a time: a NaN stderr is stored as NULL, and Spring marks only
            // the single-value form as taking null
            .param(runId)
            .param(r.name())
            .param(parts[0])
            .param(parts[1])
            .param(r.aggregation())
            .param(v.value())
            .param(Double.isNaN(v.stderr()) ? null : v.stderr())
            .param(r.samples())
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

  /**
   * After a contamination audit rewrote a run's {@code results.json} (adding its {@code
   * contamination} block), stores the new document for the run recorded with that output directory,
   * so the stage's evidence sees the clean-subset scores. Returns the run id, or null when no
   * recorded run wrote to that directory (a run made elsewhere: the file alone holds it).
   */
  public @Nullable String auditRecorded(Path runDir) {
    Path wanted = runDir.toAbsolutePath().normalize();
    for (RunRow r : runs()) {
      if (r.outputDir() != null
          && Path.of(r.outputDir()).toAbsolutePath().normalize().equals(wanted)
          && r.status().equals("DONE")) {
        jdbc.sql("UPDATE eval_run SET results_json = ? WHERE id = ?")
            .params(read(wanted.resolve("results.json")), r.id())
            .update();
        return r.id();
      }
    }
    return null;
  }

  public void failed(String runId, String error) {
    jdbc.sql("UPDATE eval_run SET status = 'FAILED', finished_at = ?, error = ? WHERE id = ?")
        .params(now(), clip(error), runId)
        .update();
    live.remove(runId);
  }

  /** The progress of a run this process started; asking for any other run is a bug. */
  private RunProgress liveRun(String runId) {
    RunProgress progress = live.get(runId);
    if (progress == null) {
      throw new IllegalStateException("run " + runId + " was not started in this process");
    }
    return progress;
  }

  private static String clip(String text) {
    return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
  }

  // query(Class) types each row as nullable (a single-column row may be NULL); a record row is not
  @SuppressWarnings("NullAway")
  public List<RunRow> runs() {
    return jdbc.sql(SELECT_RUN + " ORDER BY started_at DESC").query(RunRow.class).list();
  }

  public Optional<RunRow> run(String runId) {
    return jdbc.sql(SELECT_RUN + " WHERE id = ?").param(runId).query(RunRow.class).optional();
  }

  // query(Class) types each row as nullable (a single-column row may be NULL); a record row is not
  @SuppressWarnings("NullAway")
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
