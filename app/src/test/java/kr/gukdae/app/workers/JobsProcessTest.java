package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kr.gukdae.data.quality.QualityCheck;
import kr.gukdae.data.quality.QualityReport;
import kr.gukdae.data.quality.Thresholds;
import kr.gukdae.dataset.Datasets;
import kr.gukdae.store.TestDatabases;
import kr.gukdae.testing.ChildJvm;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A quality scan on real worker processes: the first worker is killed with SIGKILL while it holds a
 * piece (the piece still RUNNING in its name when it dies), a second worker takes the piece over
 * once the lease ran out, and the joined report equals the single-process scan, near copies whose
 * originals lie in other pieces included.
 */
class JobsProcessTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long LEASE_MILLIS = 1500;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aWorkerKilledMidPieceLeavesTheScanToAnotherWithTheSameReport(String database)
      throws Exception {
    String url =
        database.equals("h2")
            ? "jdbc:h2:file:"
                + dir.resolve("db/gukdae")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0"
            : TestDatabases.postgres();
    String user = database.equals("h2") ? "gukdae" : "";
    String password = database.equals("h2") ? "s3cret" : "";
    Path file = JobsTest.writeRows(dir.resolve("ko-web.jsonl"), 12_000);
    QualityReport single =
        QualityCheck.run("ko-web.jsonl", "-", 1, Datasets.read(file), "text", Thresholds.DEFAULT);
    // this pool keeps the H2 file open, so this JVM serves it to the workers (AUTO_SERVER)
    try (var ds = new HikariDataSource()) {
      ds.setJdbcUrl(url);
      ds.setUsername(user);
      ds.setPassword(password);
      ds.setMaximumPoolSize(4);
      Flyway.configure().dataSource(ds).load().migrate();
      JdbcClient jdbc = JdbcClient.create(ds);
      Jobs jobs = new Jobs(ds, dir.toString(), "", dir.resolve("home"));
      String id =
          jobs.submitQuality(file.toString(), "text", null, null, Thresholds.DEFAULT, 1500, "t");
      assertThat(jobs.progress(id).orElseThrow().shardsTotal()).isEqualTo(8);

      String victim = null;
      int victimShard = -1;
      for (int round = 0; victim == null && round < 8; round++) {
        String name = "doomed-" + round;
        try (ChildJvm doomed = worker(url, user, password, name)) {
          doomed.awaitLine("ready ", Duration.ofSeconds(120));
          Integer held = awaitHeld(jdbc, id, name, doomed);
          doomed.kill(); // SIGKILL: no shutdown hook, no release
          if (held != null
              && jdbc.sql(
                          "SELECT COUNT(*) FROM work_shard WHERE job_id = ? AND shard_no = ?"
                              + " AND status = 'RUNNING' AND worker = ?")
                      .params(id, held, name)
                      .query(Integer.class)
                      .single()
                  == 1) {
            victim = name;
            victimShard = held;
          }
        }
      }
      assertThat(victim).as("a worker was killed while it held a piece").isNotNull();

      try (ChildJvm survivor = worker(url, user, password, "survivor")) {
        survivor.awaitLine("ready ", Duration.ofSeconds(120));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!"DONE".equals(jobs.progress(id).orElseThrow().status())) {
          assertThat(jobs.progress(id).orElseThrow().status()).isNotEqualTo("FAILED");
          assertThat(System.nanoTime()).as("scan finished in time").isLessThan(deadline);
          survivor.process().waitFor(50, TimeUnit.MILLISECONDS);
        }
      }
      var shard =
          jdbc.sql("SELECT worker, attempts FROM work_shard WHERE job_id = ? AND shard_no = ?")
              .params(id, victimShard)
              .query((rs, n) -> List.of(rs.getString(1), rs.getInt(2)))
              .single();
      assertThat(shard.get(0)).isEqualTo("survivor");
      assertThat((Integer) shard.get(1)).isGreaterThanOrEqualTo(2);
      JobProgress done = jobs.progress(id).orElseThrow();
      assertThat(done.shardsDone()).isEqualTo(8);
      assertThat(done.retries()).isGreaterThanOrEqualTo(1);
      QualityReport joined = JSON.readValue(jobs.result(id).orElseThrow(), QualityReport.class);
      assertThat(joined).isEqualTo(single);
      assertThat(joined.findings())
          .anySatisfy(f -> assertThat(f.detail()).startsWith("near copy of " + file + ":13 "));
    }
  }

  /** The piece the worker holds once it holds one (null if it finished the job's pieces first). */
  private static @Nullable Integer awaitHeld(
      JdbcClient jdbc, String id, String worker, ChildJvm child) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      List<Integer> held =
          jdbc.sql(
                  "SELECT shard_no FROM work_shard WHERE job_id = ? AND status = 'RUNNING'"
                      + " AND worker = ? AND NOT merge")
              .params(id, worker)
              .query(Integer.class)
              .list();
      if (!held.isEmpty()) {
        return held.get(0);
      }
      child.process().waitFor(10, TimeUnit.MILLISECONDS);
    }
    return null;
  }

  private ChildJvm worker(String url, String user, String password, String id) throws Exception {
    Files.createDirectories(dir.resolve("home"));
    return ChildJvm.main(WorkerChild.class)
        .heap("256m")
        .property("h2.bindAddress", "127.0.0.1")
        .args(
            url,
            user,
            password,
            dir.resolve("home").toString(),
            id,
            "2",
            String.valueOf(LEASE_MILLIS))
        .start();
  }
}
