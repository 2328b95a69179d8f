package kr.gukdae.app.workers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A distributed run's progress: its pieces by state (the merge is not counted), its samples
 * answered, the error it failed with (else the first piece's last error), and the workers seen
 * recently.
 */
record ShardProgress(
    String runId,
    String status,
    int shardsTotal,
    int shardsDone,
    int shardsRunning,
    int shardsQueued,
    int shardsFailed,
    int samplesTotal,
    int samplesDone,
    @Nullable String lastError,
    List<WorkerRegistry.WorkerRow> workers) {

  ShardProgress {
    workers = List.copyOf(workers);
  }

  /** The progress of a distributed run; empty for a run that is unknown or not distributed. */
  static Optional<ShardProgress> of(JobQueue queue, String runId) {
    var jdbc = queue.jdbc();
    Optional<String> status =
        jdbc.sql("SELECT status FROM eval_run WHERE id = ?")
            .param(runId)
            .query(String.class)
            .optional();
    Optional<String> jobError =
        jdbc.sql("SELECT COALESCE(error, '') FROM work_job WHERE id = ? AND kind = ?")
            .params(runId, EvalJob.NAME)
            .query(String.class)
            .optional();
    if (status.isEmpty() || jobError.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Integer> byStatus = new LinkedHashMap<>();
    int[] samplesTotal = {0};
    String[] lastError = {jobError.get().isEmpty() ? null : jobError.get()};
    jdbc.sql(
            "SELECT status, spec, last_error FROM work_shard WHERE job_id = ? AND NOT merge"
                + " ORDER BY shard_no")
        .param(runId)
        .query(rs -> {
          byStatus.merge(rs.getString(1), 1, Integer::sum);
          var range = JobJson.read(rs.getString(2), EvalJob.Range.class, "job " + runId);
          samplesTotal[0] += range.end() - range.first();
          if (lastError[0] == null) {
            lastError[0] = rs.getString(3);
          }
        });
    int total = byStatus.values().stream().mapToInt(Integer::intValue).sum();
    return Optional.of(
        new ShardProgress(
            runId,
            status.get(),
            total,
            byStatus.getOrDefault("DONE", 0),
            byStatus.getOrDefault("RUNNING", 0),
            byStatus.getOrDefault("QUEUED", 0),
            byStatus.getOrDefault("FAILED", 0),
            samplesTotal[0],
            WorkSamples.answeredCount(jdbc, runId),
            lastError[0],
            new WorkerRegistry(queue).workers(Workers.ALIVE_SECONDS)));
  }
}
