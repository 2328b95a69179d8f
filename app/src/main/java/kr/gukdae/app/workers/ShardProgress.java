package kr.gukdae.app.workers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A distributed run's progress: its sample shards by state (the merge shard is not counted), its
 * samples answered, the latest shard error, and the workers seen recently.
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
  static Optional<ShardProgress> of(ShardQueue queue, String runId) {
    var jdbc = queue.jdbc();
    Optional<String> status =
        jdbc.sql("SELECT status FROM eval_run WHERE id = ?")
            .param(runId)
            .query(String.class)
            .optional();
    boolean distributed =
        jdbc.sql("SELECT COUNT(*) FROM eval_job WHERE run_id = ?")
                .param(runId)
                .query(Integer.class)
                .single()
            > 0;
    if (status.isEmpty() || !distributed) {
      return Optional.empty();
    }
    Map<String, Integer> byStatus = new LinkedHashMap<>();
    int[] samplesTotal = {0};
    jdbc.sql(
            "SELECT status, COUNT(*), COALESCE(SUM(end_index - first_index), 0) FROM eval_shard"
                + " WHERE run_id = ? AND kind = 'SAMPLES' GROUP BY status")
        .param(runId)
        .query(rs -> {
          byStatus.put(rs.getString(1), rs.getInt(2));
          samplesTotal[0] += rs.getInt(3);
        });
    String lastError =
        jdbc.sql(
                "SELECT last_error FROM eval_shard WHERE run_id = ? AND last_error IS NOT NULL"
                    + " ORDER BY shard_no LIMIT 1")
            .param(runId)
            .query(String.class)
            .optional()
            .orElse(null);
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
            queue.answeredCount(runId),
            lastError,
            new WorkerRegistry(queue).workers(Workers.ALIVE_SECONDS)));
  }
}
