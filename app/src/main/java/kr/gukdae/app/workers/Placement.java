package kr.gukdae.app.workers;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which queued pieces of a job no live worker can take, so progress says so instead of the piece
 * waiting silently: a piece that needs more CPU cores or memory than every worker that beat in the
 * last minute declared ({@code gukdae worker --cpus --memory}). A worker registered without a
 * declaration (an older version) claims without the filter, so it counts as able to take any piece.
 */
final class Placement {

  /** A worker beating within this long counts as live (as the progress view's worker list). */
  static final int ALIVE_SECONDS = 60;

  /**
   * A piece waiting for a worker that is not there: what it needs, and the most any live worker
   * offers ({@code null}s and 0 live workers: there is none at all).
   */
  record Unplaceable(
      int shard,
      String label,
      int needCpus,
      long needMemoryMb,
      int workersLive,
      @Nullable Integer mostCpus,
      @Nullable Long mostMemoryMb) {}

  private Placement() {}

  static List<Unplaceable> of(JdbcClient jdbc, String jobId) {
    OffsetDateTime now = jdbc.sql("SELECT CURRENT_TIMESTAMP").query(OffsetDateTime.class).single();
    List<Capacity> live =
        jdbc.sql("SELECT cpus, memory_mb FROM eval_worker WHERE heartbeat_at >= ?")
            .param(now.minusSeconds(ALIVE_SECONDS))
            .query((rs, n) -> {
              Number cpus = (Number) rs.getObject(1);
              Number memory = (Number) rs.getObject(2);
              return cpus == null || memory == null
                  ? new Capacity(Integer.MAX_VALUE, Long.MAX_VALUE)
                  : new Capacity(cpus.intValue(), memory.longValue());
            })
            .list();
    Integer mostCpus = live.stream().map(Capacity::cpus).max(Integer::compare).orElse(null);
    Long mostMemory = live.stream().map(Capacity::memoryMb).max(Long::compare).orElse(null);
    return jdbc
        .sql(
            "SELECT shard_no, label, need_cpus, need_memory_mb FROM work_shard WHERE job_id = ?"
                + " AND status = 'QUEUED' AND (need_cpus > 0 OR need_memory_mb > 0)"
                + " ORDER BY shard_no")
        .param(jobId)
        .query((rs, n) ->
            new Unplaceable(
                rs.getInt(1),
                rs.getString(2),
                rs.getInt(3),
                rs.getLong(4),
                live.size(),
                mostCpus,
                mostMemory))
        .list()
        .stream()
        .filter(u ->
            live.stream().noneMatch(w -> w.covers(new Capacity(u.needCpus(), u.needMemoryMb()))))
        .limit(100)
        .toList();
  }
}
