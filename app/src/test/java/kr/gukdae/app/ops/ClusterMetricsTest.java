package kr.gukdae.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cluster gauges' SQL on both databases, from rows written as the workers and the arena write
 * them: each shard state counted once (a running shard whose lease ran out as {@code expired}),
 * merge shards left out of the queue, only finished shards timed, stale workers dropped, expired
 * permit grants not in use, and votes counted in total and in the last minute. Shards are counted
 * and timed per kind of job (eval runs are jobs of kind eval).
 */
class ClusterMetricsTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void gaugesCountWhatTheTablesHold(String database) throws Exception {
    DataSource ds = TestDatabases.migrated(database);
    JdbcClient jdbc = JdbcClient.create(ds);
    jdbc.sql(
            "INSERT INTO eval_run (id, model, tasks, status, started_at)"
                + " VALUES ('r1', 'openai/m', 't/a', 'RUNNING', CURRENT_TIMESTAMP)")
        .update();
    // an eval run is a job of kind eval (its id the run's)
    job(jdbc, "r1", "eval");
    piece(jdbc, "r1", 0, false, "QUEUED", "NULL", null);
    piece(jdbc, "r1", 1, false, "RUNNING", "CURRENT_TIMESTAMP + INTERVAL '1' HOUR", null);
    piece(jdbc, "r1", 2, false, "RUNNING", "CURRENT_TIMESTAMP - INTERVAL '1' HOUR", null);
    piece(jdbc, "r1", 3, false, "DONE", "NULL", 1500L);
    piece(jdbc, "r1", 4, false, "DONE", "NULL", 2500L);
    piece(jdbc, "r1", 5, false, "FAILED", "NULL", null);
    piece(jdbc, "r1", 6, true, "QUEUED", "NULL", null);
    job(jdbc, "q1", "quality");
    job(jdbc, "q2", "quality");
    job(jdbc, "l1", "lineage");
    piece(jdbc, "q1", 0, false, "QUEUED", "NULL", null);
    piece(jdbc, "q1", 1, false, "RUNNING", "CURRENT_TIMESTAMP - INTERVAL '1' HOUR", null);
    piece(jdbc, "q1", 2, false, "DONE", "NULL", 700L);
    piece(jdbc, "q1", 3, true, "QUEUED", "NULL", null);
    piece(jdbc, "q2", 0, false, "QUEUED", "NULL", null);
    piece(jdbc, "q2", 1, true, "DONE", "NULL", 300L);
    piece(jdbc, "l1", 0, false, "RUNNING", "CURRENT_TIMESTAMP + INTERVAL '1' HOUR", null);
    worker(jdbc, "fresh", "CURRENT_TIMESTAMP");
    worker(jdbc, "quiet", "CURRENT_TIMESTAMP - INTERVAL '2' MINUTE");
    worker(jdbc, "long-gone", "CURRENT_TIMESTAMP - INTERVAL '2' HOUR");
    jdbc.sql("INSERT INTO eval_endpoint_limit VALUES ('http://gpu1:8000/v1', 6)").update();
    permit(jdbc, "fresh", 4, "CURRENT_TIMESTAMP + INTERVAL '1' MINUTE");
    permit(jdbc, "quiet", 2, "CURRENT_TIMESTAMP - INTERVAL '1' MINUTE");
    vote(jdbc, "b1", "CURRENT_TIMESTAMP");
    vote(jdbc, "b2", "CURRENT_TIMESTAMP - INTERVAL '5' MINUTE");

    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    var metrics = new ClusterMetrics(ds, registry);
    metrics.refresh();
    String scrape = registry.scrape();
    assertThat(value(scrape, "gukdae_shards\\{kind=\"eval\",state=\"queued\"}")).isEqualTo(1);
    assertThat(value(scrape, "gukdae_shards\\{kind=\"eval\",state=\"running\"}")).isEqualTo(1);
    assertThat(value(scrape, "gukdae_shards\\{kind=\"eval\",state=\"expired\"}")).isEqualTo(1);
    assertThat(value(scrape, "gukdae_shards\\{kind=\"eval\",state=\"done\"}")).isEqualTo(2);
    assertThat(value(scrape, "gukdae_shards\\{kind=\"eval\",state=\"failed\"}")).isEqualTo(1);
    assertThat(value(scrape, "gukdae_shard_duration_seconds_count\\{kind=\"eval\"}")).isEqualTo(2);
    assertThat(value(scrape, "gukdae_shard_duration_seconds_sum\\{kind=\"eval\"}")).isEqualTo(4.0);
    // each kind apart from the others; merges timed, not queued
    assertThat(value(scrape, "gukdae_shards\\{kind=\"quality\",state=\"queued\"}")).isEqualTo(2);
    assertThat(value(scrape, "gukdae_shards\\{kind=\"quality\",state=\"expired\"}")).isEqualTo(1);
    assertThat(value(scrape, "gukdae_shards\\{kind=\"quality\",state=\"running\"}")).isZero();
    assertThat(value(scrape, "gukdae_shards\\{kind=\"quality\",state=\"done\"}")).isEqualTo(1);
    assertThat(value(scrape, "gukdae_shards\\{kind=\"lineage\",state=\"running\"}")).isEqualTo(1);
    assertThat(value(scrape, "gukdae_shards\\{kind=\"originality\",state=\"queued\"}")).isZero();
    assertThat(value(scrape, "gukdae_shard_duration_seconds_count\\{kind=\"quality\"}"))
        .isEqualTo(2);
    assertThat(value(scrape, "gukdae_shard_duration_seconds_sum\\{kind=\"quality\"}"))
        .isEqualTo(1.0);
    assertThat(value(scrape, "gukdae_shard_duration_seconds_count\\{kind=\"lineage\"}")).isZero();
    assertThat(value(scrape, "gukdae_workers_live")).isEqualTo(1);
    assertThat(value(scrape, "gukdae_worker_heartbeat_age_seconds\\{worker=\"fresh\"}"))
        .isBetween(0.0, 30.0);
    assertThat(value(scrape, "gukdae_worker_heartbeat_age_seconds\\{worker=\"quiet\"}"))
        .isBetween(100.0, 200.0);
    assertThat(scrape).doesNotContain("long-gone");
    String endpoint = "\\{endpoint=\"http://gpu1:8000/v1\"}";
    assertThat(value(scrape, "gukdae_endpoint_permits_in_use" + endpoint)).isEqualTo(4);
    assertThat(value(scrape, "gukdae_endpoint_permits_limit" + endpoint)).isEqualTo(6);
    assertThat(value(scrape, "gukdae_arena_votes_total")).isEqualTo(2);
    assertThat(value(scrape, "gukdae_arena_votes_last_minute")).isEqualTo(1);

    // a worker that stops beating drops out of the per-worker list once it is an hour old
    jdbc.sql("UPDATE eval_worker SET heartbeat_at = CURRENT_TIMESTAMP - INTERVAL '3' HOUR")
        .update();
    metrics.refresh();
    assertThat(registry.scrape()).doesNotContain("worker=\"fresh\"").doesNotContain("quiet");
  }

  private static void job(JdbcClient jdbc, String id, String kind) {
    jdbc.sql(
            "INSERT INTO work_job (id, kind, label, spec, status, submitted_by, created_at)"
                + " VALUES (?, ?, 'l', '{}', 'RUNNING', 'office', CURRENT_TIMESTAMP)")
        .params(id, kind)
        .update();
  }

  private static void piece(
      JdbcClient jdbc,
      String job,
      int no,
      boolean merge,
      String status,
      String lease,
      Long durationMs) {
    jdbc.sql(
            "INSERT INTO work_shard (job_id, shard_no, merge, label, spec, status, attempts,"
                + " lease_until, duration_ms) VALUES (?, ?, ?, 'p', '{}', ?, 1, "
                + lease
                + ", ?)")
        .params(job, no, merge, status, durationMs)
        .update();
  }

  private static void worker(JdbcClient jdbc, String id, String heartbeat) {
    jdbc.sql(
            "INSERT INTO eval_worker (id, host, capacity, endpoints, started_at, heartbeat_at)"
                + " VALUES (?, 'h', 4, '*', CURRENT_TIMESTAMP - INTERVAL '3' HOUR, "
                + heartbeat
                + ")")
        .param(id)
        .update();
  }

  private static void permit(JdbcClient jdbc, String worker, int permits, String lease) {
    jdbc.sql(
            "INSERT INTO eval_endpoint_permit (endpoint, worker, permits, lease_until)"
                + " VALUES ('http://gpu1:8000/v1', ?, ?, "
                + lease
                + ")")
        .params(worker, permits)
        .update();
  }

  private static void vote(JdbcClient jdbc, String battle, String at) {
    jdbc.sql(
            "INSERT INTO arena_battle (id, voter_id, voter_class, model_a, model_b, category, lang,"
                + " prompt_hash, weight, created_at, expires_at) VALUES (?, 'v', 'anonymous',"
                + " 'a', 'b', 'general', 'ko', 'h', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
        .param(battle)
        .update();
    jdbc.sql(
            "INSERT INTO arena_vote (battle_id, voter_id, voter_class, outcome, weight, blind,"
                + " turns, voted_at) VALUES (?, 'v', 'anonymous', 'model_a', 1, TRUE, 1, "
                + at
                + ")")
        .param(battle)
        .update();
  }

  private static double value(String scrape, String series) {
    Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(scrape);
    assertThat(m.find()).as(series + " in\n" + scrape).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
