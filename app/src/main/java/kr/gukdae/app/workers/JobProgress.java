package kr.gukdae.app.workers;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A background job's progress, the same shape for every kind, distributed eval runs included: its
 * pieces by state (the merge is not counted), retries (claims beyond the first), the shards being
 * worked on and by whom, the shards that failed or were retried with their last error, and an
 * estimate of the time left.
 *
 * @param etaSeconds time left at the pace so far (elapsed × pieces left ÷ pieces done); null before
 *     the first piece is done or once the job ended
 * @param unplaceable queued pieces that need more CPU cores or memory than any live worker declared
 *     (at most 100): they wait for a larger worker, not for their turn
 */
record JobProgress(
    String id,
    String kind,
    String label,
    String status,
    OffsetDateTime createdAt,
    @Nullable OffsetDateTime finishedAt,
    int shardsTotal,
    int shardsDone,
    int shardsRunning,
    int shardsQueued,
    int shardsFailed,
    int retries,
    @Nullable Long etaSeconds,
    @Nullable String error,
    List<Shard> running,
    List<Shard> problems,
    List<Placement.Unplaceable> unplaceable) {

  /** One shard as progress shows it. */
  record Shard(
      int shard,
      String label,
      String status,
      int attempts,
      @Nullable String worker,
      @Nullable String error) {}

  JobProgress {
    running = List.copyOf(running);
    problems = List.copyOf(problems);
    unplaceable = List.copyOf(unplaceable);
  }

  /** A job of the job queue (a distributed eval run is one, of kind "eval"), by id. */
  static Optional<JobProgress> of(JdbcClient jdbc, String id) {
    List<Object[]> head =
        jdbc.sql(
                "SELECT kind, label, status, created_at, finished_at, error FROM work_job"
                    + " WHERE id = ?")
            .param(id)
            .query((rs, n) ->
                new Object[] {
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getObject(4, OffsetDateTime.class),
                  rs.getObject(5, OffsetDateTime.class),
                  rs.getString(6)
                })
            .list();
    if (head.isEmpty()) {
      return Optional.empty();
    }
    List<Shard> shards =
        jdbc.sql(
                "SELECT shard_no, label, status, attempts, worker, last_error FROM work_shard"
                    + " WHERE job_id = ? AND NOT merge ORDER BY shard_no")
            .param(id)
            .query((rs, n) ->
                new Shard(
                    rs.getInt(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getString(5),
                    rs.getString(6)))
            .list();
    Object[] h = head.get(0);
    return Optional.of(
        build(
            jdbc,
            id,
            (String) h[0],
            (String) h[1],
            (String) h[2],
            (OffsetDateTime) h[3],
            (OffsetDateTime) h[4],
            (String) h[5],
            shards,
            "RUNNING".equals(h[2]) ? Placement.of(jdbc, id) : List.of()));
  }

  private static JobProgress build(
      JdbcClient jdbc,
      String id,
      String kind,
      String label,
      String status,
      OffsetDateTime created,
      @Nullable OffsetDateTime finished,
      @Nullable String error,
      List<Shard> shards,
      List<Placement.Unplaceable> unplaceable) {
    int done = 0;
    int runningCount = 0;
    int queued = 0;
    int failed = 0;
    int retries = 0;
    List<Shard> running = new ArrayList<>();
    List<Shard> problems = new ArrayList<>();
    for (Shard s : shards) {
      switch (s.status()) {
        case "DONE" -> done++;
        case "RUNNING" -> {
          runningCount++;
          running.add(s);
        }
        case "QUEUED" -> queued++;
        default -> failed++;
      }
      retries += Math.max(0, s.attempts() - 1);
      if (s.error() != null) {
        problems.add(s);
      }
    }
    Long eta = null;
    if (("RUNNING".equals(status)) && done > 0) {
      OffsetDateTime now =
          jdbc.sql("SELECT CURRENT_TIMESTAMP").query(OffsetDateTime.class).single();
      long elapsed = Math.max(0, Duration.between(created, now).toSeconds());
      eta = elapsed * (shards.size() - done) / done;
    }
    return new JobProgress(
        id,
        kind,
        label,
        status,
        created,
        finished,
        shards.size(),
        done,
        runningCount,
        queued,
        failed,
        retries,
        eta,
        error,
        running,
        problems,
        unplaceable);
  }
}
