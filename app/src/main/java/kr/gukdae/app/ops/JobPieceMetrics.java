package kr.gukdae.app.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Queue depth of the job queue ({@code work_job} / {@code work_shard}): pieces of every job kind
 * (originality, quality, ngrams, lineage, and any kind added later) by state, as {@code
 * gukdae_job_pieces{kind, state}}, in the states {@link ClusterMetrics} gives eval shards. Merge
 * pieces are left out, as there. A reader of its own next to the eval tables' gauges; it writes
 * nothing.
 */
final class JobPieceMetrics {

  private final JdbcClient jdbc;
  private final MultiGauge pieces;

  JobPieceMetrics(DataSource dataSource, MeterRegistry registry) {
    this.jdbc = JdbcClient.create(dataSource);
    this.pieces =
        MultiGauge.builder("gukdae.job.pieces")
            .description(
                "pieces of background jobs (all kinds) by kind and state (queue depth: queued)")
            .register(registry);
  }

  /** Reads the database once; every kind seen has all five states (0 where none). */
  synchronized void refresh() {
    OffsetDateTime now = jdbc.sql("SELECT CURRENT_TIMESTAMP").query(OffsetDateTime.class).single();
    Map<String, Map<String, Long>> byKind = new LinkedHashMap<>();
    jdbc.sql("SELECT DISTINCT kind FROM work_job ORDER BY kind")
        .query(String.class)
        .list()
        .forEach(k -> byKind.put(k, zeros()));
    jdbc.sql(
            "SELECT j.kind, s.status, COUNT(*) FROM work_shard s JOIN work_job j"
                + " ON j.id = s.job_id WHERE NOT s.merge GROUP BY j.kind, s.status")
        .query(rs -> {
          byKind
              .computeIfAbsent(rs.getString(1), k -> zeros())
              .merge(rs.getString(2).toLowerCase(Locale.ROOT), rs.getLong(3), Long::sum);
        });
    jdbc.sql(
            "SELECT j.kind, COUNT(*) FROM work_shard s JOIN work_job j ON j.id = s.job_id"
                + " WHERE NOT s.merge AND s.status = 'RUNNING' AND s.lease_until < ?"
                + " GROUP BY j.kind")
        .param(now)
        .query(rs -> {
          Map<String, Long> states = byKind.computeIfAbsent(rs.getString(1), k -> zeros());
          states.merge("expired", rs.getLong(2), Long::sum);
          states.merge("running", -rs.getLong(2), Long::sum); // running: a lease that still holds
        });
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    byKind.forEach((kind, states) ->
        states.forEach(
            (state, n) -> rows.add(MultiGauge.Row.of(Tags.of("kind", kind, "state", state), n))));
    pieces.register(rows, true);
  }

  private static Map<String, Long> zeros() {
    Map<String, Long> states = new LinkedHashMap<>();
    for (String s : ClusterMetrics.SHARD_STATES) {
      states.put(s, 0L);
    }
    return states;
  }
}
