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
 * The job queue's depth on both databases, from rows as the job queue writes them: pieces of every
 * kind counted by kind and state (a running piece whose lease ran out as {@code expired}), merge
 * pieces left out, a kind with no pieces left still listed at zero, and a job gone from the table
 * gone from the scrape.
 */
class JobPieceMetricsTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void piecesOfEveryKindAreCountedByKindAndState(String database) throws Exception {
    DataSource ds = TestDatabases.migrated(database);
    JdbcClient jdbc = JdbcClient.create(ds);
    job(jdbc, "quality-1", "quality");
    piece(jdbc, "quality-1", 0, false, "QUEUED", "NULL");
    piece(jdbc, "quality-1", 1, false, "QUEUED", "NULL");
    piece(jdbc, "quality-1", 2, false, "RUNNING", "CURRENT_TIMESTAMP + INTERVAL '1' HOUR");
    piece(jdbc, "quality-1", 3, false, "RUNNING", "CURRENT_TIMESTAMP - INTERVAL '1' HOUR");
    piece(jdbc, "quality-1", 4, true, "QUEUED", "NULL");
    job(jdbc, "ngrams-1", "ngrams");
    piece(jdbc, "ngrams-1", 0, false, "DONE", "NULL");
    piece(jdbc, "ngrams-1", 1, false, "FAILED", "NULL");
    job(jdbc, "lineage-1", "lineage");
    piece(jdbc, "lineage-1", 0, false, "QUEUED", "NULL");
    job(jdbc, "lineage-2", "lineage");
    piece(jdbc, "lineage-2", 0, false, "QUEUED", "NULL");

    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    var metrics = new JobPieceMetrics(ds, registry);
    metrics.refresh();
    String scrape = registry.scrape();
    assertThat(value(scrape, "quality", "queued")).as("the merge left out").isEqualTo(2);
    assertThat(value(scrape, "quality", "running")).isEqualTo(1);
    assertThat(value(scrape, "quality", "expired")).isEqualTo(1);
    assertThat(value(scrape, "quality", "done")).isZero();
    assertThat(value(scrape, "ngrams", "done")).isEqualTo(1);
    assertThat(value(scrape, "ngrams", "failed")).isEqualTo(1);
    assertThat(value(scrape, "ngrams", "queued")).isZero();
    assertThat(value(scrape, "lineage", "queued")).as("two jobs of one kind").isEqualTo(2);

    // pieces move on and a kind's jobs are removed: the figures follow at the next refresh
    jdbc.sql("UPDATE work_shard SET status = 'DONE' WHERE job_id = 'quality-1'").update();
    jdbc.sql("DELETE FROM work_shard WHERE job_id LIKE 'lineage-%'").update();
    jdbc.sql("DELETE FROM work_job WHERE id LIKE 'lineage-%'").update();
    metrics.refresh();
    scrape = registry.scrape();
    assertThat(value(scrape, "quality", "queued")).isZero();
    assertThat(value(scrape, "quality", "done")).isEqualTo(4);
    assertThat(scrape).doesNotContain("kind=\"lineage\"");
  }

  private static void job(JdbcClient jdbc, String id, String kind) {
    jdbc.sql(
            "INSERT INTO work_job (id, kind, label, spec, status, submitted_by, created_at)"
                + " VALUES (?, ?, 'l', '{}', 'RUNNING', 'o', CURRENT_TIMESTAMP)")
        .params(id, kind)
        .update();
  }

  private static void piece(
      JdbcClient jdbc, String job, int no, boolean merge, String status, String lease) {
    jdbc.sql(
            "INSERT INTO work_shard (job_id, shard_no, merge, label, spec, status, attempts,"
                + " lease_until) VALUES (?, ?, ?, 'p', '{}', ?, 1, "
                + lease
                + ")")
        .params(job, no, merge, status)
        .update();
  }

  private static double value(String scrape, String kind, String state) {
    Matcher m =
        Pattern.compile(
                "(?m)^gukdae_job_pieces\\{kind=\"" + kind + "\",state=\"" + state + "\"} (\\S+)$")
            .matcher(scrape);
    assertThat(m.find()).as(kind + "/" + state + " in\n" + scrape).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
