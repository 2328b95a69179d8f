package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import kr.gukdae.UserError;
import kr.gukdae.data.quality.Thresholds;
import kr.gukdae.model.ChatMessage;
import kr.gukdae.model.GenerateConfig;
import kr.gukdae.model.GenerateRequest;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.ModelSpec;
import kr.gukdae.model.Models;
import kr.gukdae.model.openai.fake.FakeOpenAiServer;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;

/**
 * A worker runs several job pieces at once (`--slots`): as many as its declared CPUs allow and
 * never more, each slot holding its own endpoint grant, its own request gate and heartbeat; the
 * endpoint's limit holds across all workers' slots; stopping the worker gives every piece back.
 */
class WorkerSlotsTest {

  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(10);

  @TempDir Path root;

  private Worker.Config config(String id, int capacity, Capacity has, int slots) {
    return new Worker.Config(id, capacity, null, LEASE, POLL, root, has, slots);
  }

  /**
   * Eight 1-CPU quality pieces, a worker of 4 CPUs with 6 slots: four pieces start and wait for one
   * another at a barrier (it trips only if four run at the same time), while the two other slots
   * find nothing that fits. Stopped then, the worker gives all four back uncounted; a second run
   * finishes the job, never more than four pieces running at once.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aWorkerRunsAsManyPiecesAtOnceAsItsCpusAllowAndGivesThemBackWhenStopped(String db)
      throws Exception {
    DataSource ds = TestDatabases.migrated(db);
    JdbcClient jdbc = JdbcClient.create(ds);
    Jobs jobs = new Jobs(ds, root.toString(), "", root);
    Path file = JobsTest.writeRows(root.resolve("rows.jsonl"), 160);
    String id =
        jobs.submitQuality(file.toString(), "text", null, null, Thresholds.DEFAULT, 20, "o");
    assertThat(count(jdbc, "NOT merge AND need_cpus = 1")).isEqualTo(8);
    var config = config("w", 1, new Capacity(4, 4096), 6);

    Worker first = new Worker(config, ds);
    AtomicReference<String> atFour = new AtomicReference<>();
    CountDownLatch four = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CyclicBarrier together =
        new CyclicBarrier(
            4,
            () -> {
              // all four are held at once: what is running, reserved, and whether a fifth fits
              atFour.set(
                  count(jdbc, "status = 'RUNNING'")
                      + " running, "
                      + first.jobs().running()
                      + " reserved, fifth claim "
                      + first.jobs().claimWithin().map(c -> "made").orElse("refused"));
              four.countDown();
            });
    AtomicInteger started = new AtomicInteger();
    first
        .jobs()
        .onStarting(c -> {
          if (started.incrementAndGet() <= 4) {
            try {
              together.await(60, TimeUnit.SECONDS);
              release.await();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
        });
    Thread thread = Thread.ofPlatform().start(first::run);
    assertThat(four.await(60, TimeUnit.SECONDS)).as("four pieces running at once").isTrue();
    assertThat(atFour.get())
        .isEqualTo("4 running, " + new Capacity(4, 4) + " reserved, fifth claim refused");
    first.stop();
    release.countDown();
    thread.join(TimeUnit.SECONDS.toMillis(60));
    assertThat(thread.isAlive()).isFalse();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM work_shard WHERE status = 'QUEUED' AND attempts = 0"
                        + " AND worker IS NULL AND result IS NULL")
                .query(Integer.class)
                .single())
        .as("every piece given back, uncounted")
        .isEqualTo(9);
    assertThat(first.jobs().running()).isEqualTo(Capacity.NONE);

    Worker second = new Worker(config, ds);
    AtomicInteger mostRunning = new AtomicInteger();
    second
        .jobs()
        .onStarting(c ->
            mostRunning.accumulateAndGet(
                count(jdbc, "status = 'RUNNING' AND worker = 'w'"), Math::max));
    Thread again = Thread.ofPlatform().start(second::run);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!jobs.progress(id).orElseThrow().status().equals("DONE")
        && System.nanoTime() < deadline) {
      again.join(20);
    }
    second.stop();
    again.join(TimeUnit.SECONDS.toMillis(60));
    assertThat(jobs.progress(id).orElseThrow().status()).isEqualTo("DONE");
    assertThat(mostRunning.get()).as("never more pieces at once than 4 CPUs hold").isBetween(1, 4);
    assertThat(second.jobs().running()).isEqualTo(Capacity.NONE);
  }

  private static int count(JdbcClient jdbc, String where) {
    return jdbc.sql("SELECT COUNT(*) FROM work_shard WHERE " + where).query(Integer.class).single();
  }

  /**
   * Two slots of one worker at one endpoint: each holds its own grant (holder {@code worker/slot}),
   * so one ending neither ends nor shrinks the other's; the worker's slots together never ask more
   * than its {@code --capacity}; the endpoint's limit counts every holder.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void slotsOfOneWorkerHoldTheirOwnGrants(String db) throws Exception {
    String endpoint = "http://10.0.0.1:8000/v1";
    JobQueue queue = new JobQueue(TestDatabases.migrated(db));
    submit(queue, "grants", endpoint, 6);
    var permits = new EndpointPermits(queue);
    permits.setLimit(endpoint, 3);
    JobRunner a = new JobRunner(queue, config("a", 4, new Capacity(8, 4096), 3), () -> false);
    JobRunner b = new JobRunner(queue, config("b", 1, new Capacity(8, 4096), 3), () -> false);
    JobRunner c = new JobRunner(queue, config("c", 2, new Capacity(8, 4096), 3), () -> false);
    assertThat(a.holder(0)).isEqualTo("a");
    assertThat(a.holder(2)).isEqualTo("a/2");
    List<AutoCloseable> open = new ArrayList<>();
    try {
      var b0 = context(b, 0, open);
      var a0 = context(a, 0, open);
      var a1 = context(a, 1, open);
      assertThat(b0.permits(99)).isEqualTo(1);
      assertThat(a0.permits(99)).as("what the limit leaves").isEqualTo(2);
      assertThatThrownBy(() -> a1.permits(99)).isInstanceOf(PieceContext.Busy.class);
      b0.close();
      assertThat(a1.permits(99)).isEqualTo(1);
      assertThat(grants(queue)).isEqualTo(Map.of("a", 2, "a/1", 1));
      a0.close(); // a's other slot's grant stays as it was, and renews
      assertThat(grants(queue)).isEqualTo(Map.of("a/1", 1));
      assertThat(permits.renew(endpoint, "a/1", LEASE)).isTrue();
      a1.close();

      // the worker's --capacity is shared by its slots, whatever the endpoint's limit leaves
      var c0 = context(c, 0, open);
      var c1 = context(c, 1, open);
      assertThat(c0.permits(99)).isEqualTo(2);
      assertThatThrownBy(() -> c1.permits(99)).isInstanceOf(PieceContext.Busy.class);
      assertThat(grants(queue)).isEqualTo(Map.of("c", 2));
      // a request through a piece's gate before its grant, or after it ended, is refused
      ModelApi ungranted = c1.gated(Models.open("demo/lexical"));
      open.add(ungranted);
      assertThatThrownBy(() -> ungranted.generate(ask("x")))
          .isInstanceOf(IllegalStateException.class);
      c0.close();
      assertThat(c1.permits(99)).isEqualTo(2);
    } finally {
      for (AutoCloseable x : open.reversed()) {
        x.close();
      }
    }
    assertThat(grants(queue)).isEmpty();
  }

  /**
   * Two workers of three slots each, capacity 2 each, against an endpoint limited to three requests
   * in flight: every slot runs pieces sending requests through its own gate as fast as it may, and
   * the fake server never answers more than three at once.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void twoWorkersOfThreeSlotsStayWithinTheEndpointLimit(String db) throws Exception {
    try (var fake = FakeOpenAiServer.start(0, 15, null)) {
      String endpoint = Submission.normalizeEndpoint(fake.baseUrl());
      JobQueue queue = new JobQueue(TestDatabases.migrated(db));
      submit(queue, "limited", endpoint, 12);
      new EndpointPermits(queue).setLimit(endpoint, 3);
      JobSeal seal = JobSeal.of("", root);
      List<JobRunner> runners = new ArrayList<>();
      for (String id : List.of("a", "b")) {
        runners.add(new JobRunner(queue, config(id, 2, new Capacity(8, 4096), 3), () -> false));
      }
      AtomicInteger answered = new AtomicInteger();
      AtomicInteger mostGranted = new AtomicInteger();
      List<Future<?>> slots = new ArrayList<>();
      try (ExecutorService threads = Executors.newFixedThreadPool(6)) {
        for (JobRunner runner : runners) {
          for (int slot = 0; slot < 3; slot++) {
            int mine = slot;
            slots.add(
                threads.submit(() -> {
                  runPieces(queue, seal, runner, mine, fake, answered, mostGranted);
                  return null;
                }));
          }
        }
        for (Future<?> f : slots) {
          f.get(120, TimeUnit.SECONDS);
        }
      }
      assertThat(answered.get()).as("every piece's requests answered").isEqualTo(12 * 4);
      assertThat(fake.mostAtOnce()).as("requests in flight at the endpoint").isBetween(1, 3);
      assertThat(mostGranted.get()).as("permits granted at once, all holders").isBetween(1, 3);
      assertThat(grants(queue)).isEmpty();
    }
  }

  /** One slot's loop: a piece, its grant, four requests at once through its gate, done. */
  private static void runPieces(
      JobQueue queue,
      JobSeal seal,
      JobRunner runner,
      int slot,
      FakeOpenAiServer fake,
      AtomicInteger answered,
      AtomicInteger mostGranted)
      throws Exception {
    while (true) {
      var claim = runner.claimWithin();
      if (claim.isEmpty()) {
        return;
      }
      JobQueue.Claim c = claim.get();
      if (c.merge()) {
        queue.unclaim(c);
        runner.finished(c);
        return;
      }
      var config = new Worker.Config("x", 1, null, LEASE, POLL, Path.of("."));
      try (var beat =
              new Heartbeat(
                  c.jobId() + "#" + c.shardNo(),
                  System.nanoTime(),
                  config,
                  c.endpoint(),
                  () -> queue.renew(c, LEASE));
          var context = runner.context(beat, c, slot)) {
        int granted;
        try {
          granted = context.permits(16);
        } catch (PieceContext.Busy e) {
          queue.unclaim(c); // as the runner does; another holder's grant ends soon
          Thread.onSpinWait();
          continue;
        }
        mostGranted.accumulateAndGet(
            queue
                .jdbc()
                .sql("SELECT COALESCE(SUM(permits), 0) FROM eval_endpoint_permit")
                .query(Integer.class)
                .single(),
            Math::max);
        var spec =
            ModelSpec.parse("openai/fake-slots")
                .withBaseUrl(fake.baseUrl())
                .withApiKeyEnv("GUKDAE_TEST_NO_KEY")
                .withMaxConcurrency(16); // the adapter alone would allow 16: the gate comes first
        assertThat(granted).isBetween(1, 2);
        try (ModelApi model = context.gated(Models.open(spec));
            ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
          List<Future<?>> sent = new ArrayList<>();
          for (int i = 0; i < 4; i++) {
            String text = c.jobId() + " " + c.shardNo() + " " + i;
            sent.add(requests.submit(() -> model.generate(ask(text))));
          }
          for (Future<?> f : sent) {
            f.get();
            answered.incrementAndGet();
          }
        }
        assertThat(queue.complete(c, "{}", seal, List.of())).isTrue();
      } finally {
        runner.finished(c);
      }
    }
  }

  private static GenerateRequest ask(String text) {
    return GenerateRequest.chat(List.of(ChatMessage.user(text)), GenerateConfig.GREEDY);
  }

  private PieceContext context(JobRunner runner, int slot, List<AutoCloseable> open) {
    JobQueue.Claim c = runner.claimWithin().orElseThrow();
    var beat =
        new Heartbeat(
            c.jobId() + "#" + c.shardNo(),
            System.nanoTime(),
            config("beat", 1, new Capacity(1, 1), 1),
            c.endpoint(),
            () -> true);
    open.add(beat);
    PieceContext context = runner.context(beat, c, slot);
    open.add(context);
    return context;
  }

  private void submit(JobQueue queue, String id, String endpoint, int pieces) {
    List<JobKind.Piece> list = new ArrayList<>();
    for (int i = 0; i < pieces; i++) {
      list.add(new JobKind.Piece("p" + i, "{}", endpoint, Capacity.NONE));
    }
    queue.submit(id, new QualityJob(), "slots", "{}", "office", list, JobSeal.of("", root));
  }

  private static Map<String, Integer> grants(JobQueue queue) {
    Map<String, Integer> byHolder = new java.util.TreeMap<>();
    queue
        .jdbc()
        .sql("SELECT worker, permits FROM eval_endpoint_permit")
        .query((rs, n) -> byHolder.put(rs.getString(1), rs.getInt(2)))
        .list();
    return byHolder;
  }

  @Test
  void slotsDefaultToTheDeclaredCoresAndAreRefusedOutsideTheirRange() {
    assertThat(WorkerCommand.defaultSlots(new Capacity(64, 1024))).isEqualTo(64);
    assertThat(WorkerCommand.defaultSlots(new Capacity(0, 1024))).as("at least one").isEqualTo(1);
    for (int bad : new int[] {0, -1, Worker.Config.MAX_SLOTS + 1}) {
      assertThatThrownBy(() -> config("w", 1, new Capacity(1, 1), bad))
          .isInstanceOf(UserError.class)
          .satisfies(e -> {
            assertThat(((UserError) e).message(false))
                .isEqualTo(
                    "--slots must be between 1 and " + Worker.Config.MAX_SLOTS + ", got " + bad);
            assertThat(((UserError) e).message(true)).startsWith("--slots는 1에서");
          });
    }
    // the command refuses it before registering anything
    Exception[] thrown = new Exception[1];
    int code =
        new CommandLine(new WorkerCommand(TestDatabases.migrated("h2"), root, ""))
            .setExecutionExceptionHandler((e, cl, parsed) -> {
              thrown[0] = e;
              return 2;
            })
            .execute("--slots", "0");
    assertThat(code).isEqualTo(2);
    assertThat(((UserError) thrown[0]).message(false)).startsWith("--slots must be between 1");
  }

  @Test
  void aFailedSlotSaysSoInTheRunsLanguage() {
    Locale before = Locale.getDefault(Locale.Category.DISPLAY);
    var dbDown = new IllegalStateException("connection refused");
    var refused = UserError.of("작업이 거부되었습니다", "the job was refused");
    try {
      Locale.setDefault(Locale.Category.DISPLAY, Locale.KOREAN);
      assertThat(Worker.slotFailed(2, "w1", dbDown))
          .startsWith("작업자 w1의 슬롯 2이(가) 실패해")
          .endsWith("java.lang.IllegalStateException: connection refused");
      assertThat(Worker.slotFailed(2, "w1", new RuntimeException(refused)))
          .endsWith(": 작업이 거부되었습니다");
      Locale.setDefault(Locale.Category.DISPLAY, Locale.ENGLISH);
      assertThat(Worker.slotFailed(2, "w1", dbDown))
          .isEqualTo(
              "slot 2 of worker w1 failed; trying again shortly:"
                  + " java.lang.IllegalStateException: connection refused");
      assertThat(Worker.slotFailed(2, "w1", refused))
          .endsWith(": the job was refused")
          .doesNotContainPattern("[가-힣]");
    } finally {
      Locale.setDefault(Locale.Category.DISPLAY, before);
    }
  }
}
