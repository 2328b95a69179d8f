package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.OffsetDateTime;
import java.util.List;
import kr.gukdae.store.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The job list reads the job queue in one query: distributed eval runs (jobs of kind "eval") and
 * jobs of every other kind, the newest first, at most {@link Jobs#LISTED} of them, however many
 * there are.
 */
class JobsListTest {

  private static final OffsetDateTime DAY = OffsetDateTime.parse("2026-12-01T00:00:00Z");

  @TempDir Path root;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void theNewestJobsOfEveryKindComeFirstAndTheListIsBounded(String database) throws Exception {
    String url = database.equals("h2") ? TestDatabases.freshH2() : TestDatabases.postgres();
    Flyway.configure().dataSource(url, null, null).load().migrate();
    var ds = new SimpleDriverDataSource(DriverManager.getDriver(url), url);
    JdbcClient jdbc = JdbcClient.create(ds);
    // 210 quality jobs, one a minute; an eval run older than all of them and one newer
    for (int i = 0; i < 210; i++) {
      jdbc.sql(
              "INSERT INTO work_job (id, kind, label, status, spec, submitted_by, created_at)"
                  + " VALUES (?, 'quality', ?, 'DONE', '{}', 'office', ?)")
          .params("q" + i, "scan " + i, DAY.plusMinutes(i))
          .update();
    }
    evalRun(jdbc, "old-run", DAY.minusDays(1));
    evalRun(jdbc, "new-run", DAY.plusDays(1));

    List<Jobs.JobRow> rows = new Jobs(ds, root.toString(), "", root).list();
    assertThat(rows).hasSize(Jobs.LISTED);
    assertThat(rows.get(0).id()).isEqualTo("new-run");
    assertThat(rows.get(0).kind()).isEqualTo("eval");
    assertThat(rows.get(0).label()).isEqualTo("openai/m");
    assertThat(rows.get(0).status()).isEqualTo("RUNNING");
    assertThat(rows.get(1).id()).isEqualTo("q209");
    assertThat(rows.get(Jobs.LISTED - 1).id()).isEqualTo("q" + (210 - Jobs.LISTED + 1));
    assertThat(rows).extracting(Jobs.JobRow::id).doesNotContain("old-run", "q0");
    for (int i = 1; i < rows.size(); i++) {
      assertThat(rows.get(i).createdAt()).isBeforeOrEqualTo(rows.get(i - 1).createdAt());
    }
  }

  private static void evalRun(JdbcClient jdbc, String id, OffsetDateTime at) {
    jdbc.sql(
            "INSERT INTO eval_run (id, model, tasks, status, started_at)"
                + " VALUES (?, 'openai/m', 't/a', 'RUNNING', CURRENT_TIMESTAMP)")
        .param(id)
        .update();
    jdbc.sql(
            "INSERT INTO work_job (id, kind, label, status, spec, submitted_by, created_at)"
                + " VALUES (?, 'eval', 'openai/m', 'RUNNING', '{}', ?, ?)")
        .params(id, Submission.SUBMITTED_BY, at)
        .update();
  }
}
