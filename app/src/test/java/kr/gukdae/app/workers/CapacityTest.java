package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import kr.gukdae.UserError;
import kr.gukdae.data.quality.Thresholds;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Workers declare CPU cores and memory; pieces carry what they need. A worker too small for a piece
 * never claims it, progress names the pieces no live worker can take (with what they need and the
 * most any live worker offers), and once a large enough worker beats they run and the job ends.
 */
class CapacityTest {

  @TempDir Path root;

  private Worker.Config config(String id, Capacity has) {
    return new Worker.Config(id, 1, null, Duration.ofMinutes(5), Duration.ofMillis(10), root, has);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aPieceGoesOnlyToAWorkerWhoseDeclaredCapacityCoversIt(String db) throws Exception {
    DataSource ds = TestDatabases.migrated(db);
    var base = new ShardQueue(ds);
    JobQueue queue = new JobQueue(base);
    JdbcClient jdbc = queue.jdbc();
    Jobs jobs = new Jobs(ds, root.toString(), "", root);
    Path file = JobsTest.writeRows(root.resolve("rows.jsonl"), 60);
    String id =
        jobs.submitQuality(file.toString(), "text", null, null, Thresholds.DEFAULT, 20, "office");
    // each piece: a CPU and its rows' facts (20 rows × 4 KiB, rounded up to 1 MiB)
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM work_shard WHERE job_id = ? AND NOT merge"
                        + " AND need_cpus = 1 AND need_memory_mb = 1")
                .param(id)
                .query(Integer.class)
                .single())
        .isEqualTo(3);

    // no worker at all: the pieces wait for one, and progress says there is none
    JobProgress none = jobs.progress(id).orElseThrow();
    assertThat(none.unplaceable()).hasSize(3);
    assertThat(none.unplaceable().get(0).workersLive()).isZero();

    // two live workers, one without memory to spare, one without a CPU: neither takes a piece
    var registry = new WorkerRegistry(base);
    var noMemory = config("no-memory", new Capacity(8, 0));
    var noCpu = config("no-cpu", new Capacity(0, 4096));
    registry.register(noMemory);
    registry.register(noCpu);
    assertThat(new JobRunner(queue, noMemory, () -> false).runNext()).isFalse();
    assertThat(new JobRunner(queue, noCpu, () -> false).runNext()).isFalse();
    JobProgress waiting = jobs.progress(id).orElseThrow();
    assertThat(waiting.shardsQueued()).isEqualTo(3);
    assertThat(waiting.unplaceable())
        .extracting(Placement.Unplaceable::label)
        .containsExactly("rows 1–20", "rows 21–40", "rows 41–60");
    Placement.Unplaceable first = waiting.unplaceable().get(0);
    assertThat(first.needCpus()).isEqualTo(1);
    assertThat(first.needMemoryMb()).isEqualTo(1);
    assertThat(first.workersLive()).isEqualTo(2);
    assertThat(first.mostCpus()).isEqualTo(8);
    assertThat(first.mostMemoryMb()).isEqualTo(4096);

    // a worker large enough beats: nothing is unplaceable, it runs the job to the end
    var enough = config("enough", new Capacity(1, 1));
    registry.register(enough);
    assertThat(jobs.progress(id).orElseThrow().unplaceable()).isEmpty();
    JobRunner runner = new JobRunner(queue, enough, () -> false);
    while (runner.runNext()) {
      // until the queue is empty
    }
    assertThat(jobs.progress(id).orElseThrow().status()).isEqualTo("DONE");
    assertThat(
            jdbc.sql("SELECT COUNT(DISTINCT worker) FROM work_shard WHERE job_id = ?")
                .param(id)
                .query(Integer.class)
                .single())
        .as("only the large enough worker ran pieces")
        .isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT cpus FROM eval_worker WHERE id = 'no-cpu'")
                .query(Integer.class)
                .single())
        .as("declared capacity registered")
        .isZero();
  }

  @Test
  void memoryIsReadAsTheCommandTakesIt() {
    assertThat(Capacity.parseMemory("8g")).isEqualTo(8192);
    assertThat(Capacity.parseMemory("512m")).isEqualTo(512);
    assertThat(Capacity.parseMemory("2T")).isEqualTo(2L << 20);
    assertThat(Capacity.parseMemory("300")).isEqualTo(300);
    for (String bad : new String[] {"", "g", "-1g", "8gb", "lots"}) {
      assertThatThrownBy(() -> Capacity.parseMemory(bad))
          .isInstanceOf(UserError.class)
          .satisfies(e ->
              assertThat(((UserError) e).message(false))
                  .startsWith("--memory: cannot read '" + bad + "'"));
    }
    assertThat(Capacity.mib(1)).isEqualTo(1);
    assertThat(Capacity.mib(1 << 20)).isEqualTo(1);
    assertThat(Capacity.mib((1 << 20) + 1)).isEqualTo(2);
  }
}
