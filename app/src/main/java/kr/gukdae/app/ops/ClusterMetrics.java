package kr.gukdae.app.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gauges over the shared database, so every web instance reports the same cluster-wide figures
 * (queue, workers, permits, votes) whichever one Prometheus scrapes; read them with {@code max}
 * across instances, never {@code sum}. {@link #refresh} reads one snapshot per scrape; the meters
 * read the snapshot. It reads the tables of the workers and the arena and writes none. Shards are
 * counted and timed per kind of work ({@code work_shard} by its job's kind: eval runs, originality
 * checks, …), so a dashboard sees one queue per kind.
 */
final class ClusterMetrics {

  /** Shard states as the gauge names them; {@code expired}: running, but the lease ran out. */
  static final String[] SHARD_STATES = {"queued", "running", "expired", "done", "failed"};

  /** The kinds of work: the job queue's kinds (their {@code JobKind} names). */
  static final String[] KINDS = {"eval", "originality", "quality", "ngrams", "lineage"};

  /** A worker that has not beaten for this long counts as gone (as the progress view shows). */
  static final int ALIVE_SECONDS = 60;

  /** Workers that beat within this long are listed one by one; older ones drop out. */
  static final int LISTED_SECONDS = 3600;

  private final JdbcClient jdbc;
  private final DynamicGauges heartbeatAge;
  private final DynamicGauges permitsInUse;
  private final DynamicGauges permitLimit;
  private volatile Snapshot snapshot = Snapshot.EMPTY;

  /** One read of the database: what every meter shows until the next scrape. */
  /**
   * {@code shards}: by {@code kind/state}; {@code shardsTimed} and {@code shardSeconds}: finished
   * shards with a duration, and the sum of their durations, by kind.
   */
  record Snapshot(
      Map<String, Long> shards,
      Map<String, Long> shardsTimed,
      Map<String, Double> shardSeconds,
      long workersLive,
      Map<String, Double> heartbeatAge,
      Map<String, Double> permitsInUse,
      Map<String, Double> permitLimit,
      long votes,
      long votesLastMinute) {
    static final Snapshot EMPTY =
        new Snapshot(Map.of(), Map.of(), Map.of(), 0, Map.of(), Map.of(), Map.of(), 0, 0);
  }

  ClusterMetrics(DataSource dataSource, MeterRegistry registry) {
    this.jdbc = JdbcClient.create(dataSource);
    for (String kind : KINDS) {
      for (String state : SHARD_STATES) {
        String key = kind + "/" + state;
        Gauge.builder("gukdae.shards", this, m -> m.snapshot.shards().getOrDefault(key, 0L))
            .description("shards of distributed work by kind and state (queue depth: queued)")
            .tag("kind", kind)
            .tag("state", state)
            .register(registry);
      }
      FunctionTimer.builder(
              "gukdae.shard.duration",
              this,
              m -> m.snapshot.shardsTimed().getOrDefault(kind, 0L),
              m -> m.snapshot.shardSeconds().getOrDefault(kind, 0.0),
              TimeUnit.SECONDS)
          .description("claim to completion of each finished shard's last attempt, by kind")
          .tag("kind", kind)
          .register(registry);
    }
    Gauge.builder("gukdae.workers.live", this, m -> m.snapshot.workersLive())
        .description("workers that beat within the last " + ALIVE_SECONDS + " s")
        .register(registry);
    this.heartbeatAge =
        new DynamicGauges(
            registry,
            "gukdae.worker.heartbeat.age.seconds",
            "seconds since each worker's last heartbeat (workers seen in the last hour)",
            "worker",
            key -> snapshot.heartbeatAge().get(key));
    this.permitsInUse =
        new DynamicGauges(
            registry,
            "gukdae.endpoint.permits.in.use",
            "requests in flight granted to workers for each endpoint (unexpired grants)",
            "endpoint",
            key -> snapshot.permitsInUse().get(key));
    this.permitLimit =
        new DynamicGauges(
            registry,
            "gukdae.endpoint.permits.limit",
            "requests in flight all workers together may send to each endpoint",
            "endpoint",
            key -> snapshot.permitLimit().get(key));
    FunctionCounter.builder("gukdae.arena.votes", this, m -> m.snapshot.votes())
        .description("arena votes stored (all instances); rate() gives the vote rate")
        .register(registry);
    Gauge.builder("gukdae.arena.votes.last.minute", this, m -> m.snapshot.votesLastMinute())
        .description("arena votes stored in the last 60 s (all instances)")
        .register(registry);
  }

  /** Reads the database once; the meters show this until the next call. */
  synchronized void refresh() {
    OffsetDateTime now = jdbc.sql("SELECT CURRENT_TIMESTAMP").query(OffsetDateTime.class).single();
    Map<String, Long> shards = new HashMap<>();
    // a running shard whose lease ran out counts as expired, not running; merges are not queued
    // work
    String byState =
        " CASE WHEN status = 'RUNNING' AND lease_until < ? THEN 'EXPIRED' ELSE status END";
    jdbc.sql(
            "SELECT k, st, COUNT(*) FROM (SELECT j.kind AS k,"
                + byState.replace("status", "s.status").replace("lease_until", "s.lease_until")
                + " AS st FROM work_shard s JOIN work_job j ON j.id = s.job_id WHERE NOT s.merge) w"
                + " GROUP BY k, st")
        .param(now)
        .query(rs -> {
          shards.put(
              rs.getString(1) + "/" + rs.getString(2).toLowerCase(Locale.ROOT), rs.getLong(3));
        });
    Map<String, Long> timed = new HashMap<>();
    Map<String, Double> seconds = new HashMap<>();
    jdbc.sql(
            "SELECT j.kind, COUNT(*),"
                + " COALESCE(SUM(s.duration_ms), 0) FROM work_shard s JOIN work_job j"
                + " ON j.id = s.job_id WHERE s.duration_ms IS NOT NULL GROUP BY j.kind")
        .query(rs -> {
          timed.put(rs.getString(1), rs.getLong(2));
          seconds.put(rs.getString(1), rs.getLong(3) / 1000.0);
        });
    Map<String, Double> ages = new HashMap<>();
    long[] live = new long[1];
    jdbc.sql("SELECT id, heartbeat_at FROM eval_worker WHERE heartbeat_at >= ?")
        .param(now.minusSeconds(LISTED_SECONDS))
        .query(rs -> {
          double age =
              Math.max(
                  0,
                  Duration.between(rs.getObject(2, OffsetDateTime.class), now).toMillis() / 1000.0);
          ages.put(rs.getString(1), age);
          live[0] += age <= ALIVE_SECONDS ? 1 : 0;
        });
    Map<String, Double> limits = new HashMap<>();
    jdbc.sql("SELECT endpoint, max_in_flight FROM eval_endpoint_limit")
        .query(rs -> {
          limits.put(rs.getString(1), (double) rs.getInt(2));
        });
    Map<String, Double> inUse = new HashMap<>();
    limits.keySet().forEach(e -> inUse.put(e, 0.0));
    jdbc.sql(
            "SELECT endpoint, SUM(permits) FROM eval_endpoint_permit WHERE lease_until >= ?"
                + " GROUP BY endpoint")
        .param(now)
        .query(rs -> {
          inUse.put(rs.getString(1), (double) rs.getLong(2));
        });
    long votes = jdbc.sql("SELECT COUNT(*) FROM arena_vote").query(Long.class).single();
    long lastMinute =
        jdbc.sql("SELECT COUNT(*) FROM arena_vote WHERE voted_at >= ?")
            .param(now.minusSeconds(60))
            .query(Long.class)
            .single();
    snapshot =
        new Snapshot(
            Map.copyOf(shards),
            Map.copyOf(timed),
            Map.copyOf(seconds),
            live[0],
            Map.copyOf(ages),
            Map.copyOf(inUse),
            Map.copyOf(limits),
            votes,
            lastMinute);
    heartbeatAge.keep(ages.keySet());
    permitsInUse.keep(inUse.keySet());
    permitLimit.keep(limits.keySet());
  }
}
