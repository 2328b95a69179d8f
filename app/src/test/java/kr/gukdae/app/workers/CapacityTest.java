package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import kr.gukdae.UserError;
import kr.gukdae.data.quality.Thresholds;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;

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
    JobQueue queue = new JobQueue(ds);
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
    var registry = new WorkerRegistry(queue);
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
  void aDeclarationAboveWhatTheMachineHasIsRefusedNamingTheOptionAndTheFix() {
    Capacity machine = new Capacity(8, 4096);
    assertThat(new Capacity(8, 4096).within(machine)).isEqualTo(new Capacity(8, 4096));
    assertThat(new Capacity(1, 512).within(machine)).isEqualTo(new Capacity(1, 512));
    assertThatThrownBy(() -> new Capacity(9, 4096).within(machine))
        .isInstanceOf(UserError.class)
        .satisfies(e -> {
          assertThat(((UserError) e).message(false))
              .isEqualTo(
                  "this worker declares more than it has: --cpus 9 is more than the 8 cores this"
                      + " machine gives this JVM; give --cpus 8 or less, or leave it out");
          assertThat(((UserError) e).message(true))
              .startsWith("이 워커는 가진 것보다 많이 선언했습니다: --cpus 9은(는)");
        });
    assertThatThrownBy(() -> new Capacity(8, 4097).within(machine))
        .isInstanceOf(UserError.class)
        .satisfies(e ->
            assertThat(((UserError) e).message(false))
                .startsWith(
                    "this worker declares more than it has: --memory 4,097 MiB is more than the"
                        + " 4,096 MiB this JVM may use")
                .contains("give --memory 4096m or less, or start the worker with a larger -Xmx")
                .doesNotContain("--cpus"));
    // both too large: one error naming both
    assertThatThrownBy(() -> new Capacity(64, 1 << 20).within(machine))
        .isInstanceOf(UserError.class)
        .satisfies(e ->
            assertThat(((UserError) e).message(false)).contains("--cpus 64").contains("--memory"));
  }

  @Test
  void theWorkerCommandRefusesToStartWithMoreThanThisJvmHas() throws Exception {
    DataSource ds = TestDatabases.migrated("h2");
    Capacity machine = Capacity.ofMachine();
    for (String[] args :
        List.of(
            new String[] {"--cpus", String.valueOf(machine.cpus() + 1)},
            new String[] {"--memory", (machine.memoryMb() + 1) + "m"})) {
      Exception[] thrown = new Exception[1];
      int code =
          new CommandLine(new WorkerCommand(ds, root, ""))
              .setExecutionExceptionHandler((e, cl, parsed) -> {
                thrown[0] = e;
                return 2;
              })
              .execute(args);
      assertThat(code).isEqualTo(2);
      assertThat(thrown[0]).isInstanceOf(UserError.class);
      assertThat(((UserError) thrown[0]).message(false))
          .startsWith("this worker declares more than it has: " + args[0] + " ")
          .contains("is more than");
    }
    assertThat(
            JdbcClient.create(ds)
                .sql("SELECT COUNT(*) FROM eval_worker")
                .query(Integer.class)
                .single())
        .as("no worker registered")
        .isZero();
  }

  /**
   * A worker's running pieces together never need more than it declared: a claim looks for a piece
   * that fits in what is left, and what it claims stays reserved until the piece ends.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void piecesRunningAtOnceNeverNeedMoreThanTheWorkerDeclared(String db) throws Exception {
    DataSource ds = TestDatabases.migrated(db);
    JobQueue queue = new JobQueue(ds);
    queue.submit(
        "capacity-sum",
        new QualityJob(),
        "capacity",
        "{}",
        "office",
        List.of(
            new JobKind.Piece("3 CPUs, first", "{}", new Capacity(3, 0)),
            new JobKind.Piece("3 CPUs, second", "{}", new Capacity(3, 0)),
            new JobKind.Piece("600 MiB, first", "{}", new Capacity(1, 600)),
            new JobKind.Piece("600 MiB, second", "{}", new Capacity(1, 600))),
        JobSeal.of("", root));
    JobRunner runner = new JobRunner(queue, config("four", new Capacity(4, 1000)), () -> false);

    JobQueue.Claim first = runner.claimWithin().orElseThrow();
    assertThat(first.shardNo()).isZero();
    // one CPU left: the second 3-CPU piece no longer fits, a 1-CPU one does
    JobQueue.Claim memory = runner.claimWithin().orElseThrow();
    assertThat(memory.shardNo()).isEqualTo(2);
    assertThat(runner.running()).isEqualTo(new Capacity(4, 600));
    assertThat(runner.claimWithin())
        .as("nothing fits in what is left, though the declaration covers every piece")
        .isEmpty();

    runner.finished(first);
    JobQueue.Claim second = runner.claimWithin().orElseThrow();
    assertThat(second.shardNo()).isEqualTo(1);
    assertThat(runner.claimWithin()).as("400 MiB left: the other 600 MiB piece waits").isEmpty();
    runner.finished(memory);
    assertThat(runner.claimWithin().orElseThrow().shardNo()).isEqualTo(3);
    assertThat(runner.running()).isEqualTo(new Capacity(4, 600));
  }

  /** Claims racing on one worker: checking what is free and reserving it are one step. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void concurrentClaimsOfOneWorkerReserveWhatTheyTakeAtOnce(String db) throws Exception {
    DataSource ds = TestDatabases.migrated(db);
    JobQueue queue = new JobQueue(ds);
    List<JobKind.Piece> pieces = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      pieces.add(new JobKind.Piece("3 CPUs #" + i, "{}", new Capacity(3, 0)));
    }
    queue.submit(
        "capacity-race", new QualityJob(), "race", "{}", "office", pieces, JobSeal.of("", root));
    JobRunner runner = new JobRunner(queue, config("four", new Capacity(4, 1000)), () -> false);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> claimed = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 8; i++) {
        claimed.add(
            threads.submit(() -> {
              start.await();
              return runner.claimWithin().isPresent();
            }));
      }
      start.countDown();
      int got = 0;
      for (Future<Boolean> f : claimed) {
        got += f.get() ? 1 : 0;
      }
      assertThat(got).as("only one 3-CPU piece fits in 4 CPUs at a time").isEqualTo(1);
    }
    assertThat(runner.running()).isEqualTo(new Capacity(3, 0));
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
