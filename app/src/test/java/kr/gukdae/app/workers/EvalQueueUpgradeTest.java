package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.util.List;
import kr.gukdae.store.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The upgrade that moves eval runs onto the job queue (V970) drops the old queue's tables, so it
 * refuses while a shard of the old queue is queued or running, saying in Korean and English to let
 * the workers finish; once they did, it goes through and the tables are gone.
 */
class EvalQueueUpgradeTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void theUpgradeRefusesWhileOldShardsAreInFlightAndGoesThroughOnceTheyFinished(String database)
      throws Exception {
    String url = TestDatabases.url(database);
    Flyway.configure().dataSource(url, null, null).target("965").load().migrate();
    var jdbc = JdbcClient.create(new SimpleDriverDataSource(DriverManager.getDriver(url), url));
    jdbc.sql(
            "INSERT INTO eval_run (id, model, tasks, status, started_at)"
                + " VALUES ('old', 'openai/m', 't/a', 'RUNNING', CURRENT_TIMESTAMP)")
        .update();
    jdbc.sql(
            "INSERT INTO eval_job (run_id, spec, endpoint, shards_total, created_at)"
                + " VALUES ('old', '{}', 'http://gpu1:8000/v1', 2, CURRENT_TIMESTAMP)")
        .update();
    jdbc.sql(
            "INSERT INTO eval_shard (run_id, shard_no, kind, task, first_index, end_index, status)"
                + " VALUES ('old', 0, 'SAMPLES', 't/a', 0, 10, 'DONE'),"
                + " ('old', 1, 'SAMPLES', 't/a', 10, 20, 'RUNNING'),"
                + " ('old', 2, 'MERGE', NULL, 0, 0, 'QUEUED')")
        .update();

    Flyway upgrade = Flyway.configure().dataSource(url, null, null).load();
    assertThatThrownBy(upgrade::migrate)
        .isInstanceOf(FlywayException.class)
        .hasMessageContaining("워커가 마치게 한 뒤 다시 하세요")
        .hasMessageContaining("let the workers finish, then upgrade again (eval_shard old#");
    // nothing of it applied: the old queue is still there, and the new column is not
    assertThat(jdbc.sql("SELECT COUNT(*) FROM eval_shard").query(Integer.class).single())
        .isEqualTo(3);
    // as an operator would after a failed migration (a no-op where it was rolled back whole)
    upgrade.repair();

    // the workers finished the run: the upgrade goes through and the old tables are gone
    jdbc.sql("UPDATE eval_shard SET status = 'DONE'").update();
    assertThat(upgrade.migrate().success).isTrue();
    for (String old : List.of("eval_sample", "eval_shard", "eval_job")) {
      assertThatThrownBy(
              () -> jdbc.sql("SELECT COUNT(*) FROM " + old).query(Integer.class).single())
          .as(old + " is gone")
          .isInstanceOf(BadSqlGrammarException.class);
    }
    assertThat(
            jdbc.sql("SELECT COUNT(attempts_before) FROM work_shard").query(Integer.class).single())
        .as("the resume column is there")
        .isZero();
  }
}
