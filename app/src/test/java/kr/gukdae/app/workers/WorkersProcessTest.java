package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kr.gukdae.app.eval.EvalRequest;
import kr.gukdae.app.eval.EvalStore;
import kr.gukdae.eval.run.EvalOutcome;
import kr.gukdae.model.openai.fake.FakeOpenAiServer;
import kr.gukdae.store.TestDatabases;
import kr.gukdae.testing.ChildJvm;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three real worker processes share one database and the fake OpenAI server on loopback. A sharded
 * run of a few thousand samples gives the same results.json (every metric, stderr, count and
 * config) and the same samples, in the tasks' order, as a single process, although one worker is
 * killed with SIGKILL in the middle of a shard: its shard is taken over once its lease runs out,
 * each sample is stored once, and the fake server sees only the answers lost in flight asked again.
 * An endpoint limit of 6 holds for the three workers together (capacity 4 each).
 */
class WorkersProcessTest {

  private static final int SAMPLES = 2_000;
  private static final int CHOICES = 2;
  private static final int CAPACITY = 4;
  private static final int ENDPOINT_LIMIT = 6;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path shared;
  @TempDir Path dir;
  private static FakeOpenAiServer fake;
  private static Path tasks;
  private static EvalOutcome single;
  private static long askedBySingle;

  /** The single-process run both databases' sharded runs must equal. */
  @BeforeAll
  static void singleProcessRun() throws Exception {
    fake = FakeOpenAiServer.start(0, 1, null);
    tasks = writeTask(shared);
    EvalRequest request = request(fake, tasks, shared.resolve("single"), "single");
    single = RunFiles.single(request, shared.resolve("single"), "single", shared.resolve("home"));
    askedBySingle = fake.requests("fake-mc");
    assertThat(askedBySingle).isEqualTo((long) SAMPLES * CHOICES);
  }

  @AfterAll
  static void stopFake() {
    if (fake != null) {
      fake.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void shardedRunWithAWorkerKilledMidShardEqualsASingleProcessRun(String database)
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
    Map<String, ChildJvm> workers = new LinkedHashMap<>();
    // This pool keeps the H2 file open, so this JVM serves it to the workers (AUTO_SERVER).
    try (var ds = pool(url, user, password)) {
      Flyway.configure().dataSource(ds).load().migrate();
      long askedBefore = fake.requests("fake-mc");
      Map<String, Integer> bodiesBefore = fake.bodyCounts("fake-mc");

      JobQueue queue = new JobQueue(ds);
      JdbcClient jdbc = JdbcClient.create(ds);
      Path home = dir.resolve("home");
      // the server secret the workers seal samples under, made before they start (shared home)
      JobSeal seal = JobSeal.of("", home);
      Submission submission =
          Submission.submit(
              queue,
              seal,
              new EvalStore(jdbc),
              request(fake, tasks, dir.resolve("sharded"), "sharded"),
              "sharded",
              125,
              home);
      String endpoint =
          jdbc.sql("SELECT endpoint FROM work_shard WHERE job_id = 'sharded' AND shard_no = 0")
              .query(String.class)
              .single();
      new EndpointPermits(queue).setLimit(endpoint, ENDPOINT_LIMIT);

      for (int i = 0; i < 3; i++) {
        String id = "w" + i;
        workers.put(id, start(url, user, password, home, id));
      }
      for (var w : workers.values()) {
        w.awaitLine("ready ", Duration.ofSeconds(120));
      }
      String victim = null;
      int victimShard = -1;
      int maxPermits = 0;
      ShardProgress progress = ShardProgress.of(queue, "sharded").orElseThrow();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!progress.status().equals("DONE")) {
        assertThat(progress.status()).isNotEqualTo("FAILED");
        assertThat(System.nanoTime()).as("run finished in time").isLessThan(deadline);
        maxPermits = Math.max(maxPermits, permitsInUse(jdbc));
        if (victim == null && progress.samplesDone() >= SAMPLES / 4) {
          var running =
              jdbc.sql(
                      "SELECT worker, shard_no FROM work_shard WHERE job_id = 'sharded'"
                          + " AND NOT merge AND status = 'RUNNING' ORDER BY shard_no")
                  .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2)})
                  .list();
          running.removeIf(r -> !workers.get((String) r[0]).isAlive());
          if (!running.isEmpty()) {
            String candidate = (String) running.get(0)[0];
            workers.get(candidate).kill(); // SIGKILL: no shutdown hook, no release
            // Dead now, so what it holds is frozen: read it again, because it may have finished
            // the shard seen above in the instant before the kill (then it held nothing mid-shard
            // and the next pass kills another worker).
            var held =
                jdbc.sql(
                        "SELECT shard_no FROM work_shard WHERE job_id = 'sharded' AND NOT merge"
                            + " AND status = 'RUNNING' AND worker = ? ORDER BY shard_no")
                    .param(candidate)
                    .query(Integer.class)
                    .list();
            if (!held.isEmpty()) {
              victim = candidate;
              victimShard = held.get(0);
            }
          }
        }
        // paces the poll (a live worker's exit would end the wait early, which is fine)
        for (var w : workers.values()) {
          if (w.isAlive()) {
            w.process().waitFor(20, TimeUnit.MILLISECONDS);
            break;
          }
        }
        progress = ShardProgress.of(queue, "sharded").orElseThrow();
      }
      assertThat(victim).as("a worker was killed mid-shard").isNotNull();
      assertThat(progress.shardsDone()).isEqualTo(progress.shardsTotal()).isEqualTo(16);
      assertThat(progress.samplesDone()).isEqualTo(SAMPLES);
      assertThat(maxPermits).isLessThanOrEqualTo(ENDPOINT_LIMIT);

      // the killed worker's shard finished elsewhere, on a later attempt
      var shard =
          jdbc.sql(
                  "SELECT worker, attempts, status FROM work_shard WHERE job_id = 'sharded'"
                      + " AND shard_no = ?")
              .param(victimShard)
              .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3)})
              .single();
      assertThat(shard[0]).isNotEqualTo(victim);
      assertThat((Integer) shard[1]).isGreaterThanOrEqualTo(2);
      assertThat(shard[2]).isEqualTo("DONE");

      // each sample stored once; the server asked again only what was in flight at the kill
      assertThat(
              jdbc.sql("SELECT COUNT(*) FROM work_sample WHERE job_id = 'sharded' AND ok")
                  .query(Integer.class)
                  .single())
          .isEqualTo(SAMPLES);
      assertAskedAgainOnlyInFlightWindows(jdbc, bodiesBefore, askedBefore, victimShard);

      // the merge stored the results; the submitter writes its own identical copy
      assertThat(
              jdbc.sql("SELECT status FROM eval_run WHERE id = 'sharded'")
                  .query(String.class)
                  .single())
          .isEqualTo("DONE");
      EvalOutcome sharded = submission.merge(queue, seal, home);
      assertThat(RunFiles.comparable(sharded.resultsFile()))
          .isEqualTo(RunFiles.comparable(single.resultsFile()));
      assertThat(RunFiles.sampleLines(sharded.resultsFile().getParent()))
          .isEqualTo(RunFiles.inTaskOrder(RunFiles.sampleLines(single.resultsFile().getParent())));
      String stored =
          jdbc.sql("SELECT results_json FROM eval_run WHERE id = 'sharded'")
              .query(String.class)
              .single();
      assertThat(RunFiles.strip(JSON.readTree(stored)))
          .isEqualTo(RunFiles.comparable(single.resultsFile()));
    } finally {
      workers.forEach((id, w) -> {
        w.close();
        System.out.println("--- worker " + id + " ---\n" + w.printed());
      });
    }
  }

  /**
   * Which samples the fake server was asked more than once, shard by shard. A sample is asked again
   * only when its shard changed hands, and then only if the holder that lost the shard had it in
   * flight: at most that holder's window of {@code 2 × permits ≤ 2 × CAPACITY} samples per change
   * of hands. The killed worker is one such holder; a live holder whose renewals were late past its
   * lease (a starved heartbeat) is the only other, and it starts no sample once its lease may have
   * ended. Whatever was stored is never asked again.
   */
  private static void assertAskedAgainOnlyInFlightWindows(
      JdbcClient jdbc, Map<String, Integer> bodiesBefore, long askedBefore, int victimShard) {
    record Shard(int no, int first, int end, int attempts) {}
    List<Shard> shards =
        jdbc.sql(
                "SELECT shard_no, spec, attempts FROM work_shard"
                    + " WHERE job_id = 'sharded' AND NOT merge ORDER BY shard_no")
            .query((rs, n) -> {
              var range = JobJson.read(rs.getString(2), EvalJob.Range.class, "piece");
              return new Shard(rs.getInt(1), range.first(), range.end(), rs.getInt(3));
            })
            .list();
    Map<Integer, java.util.Set<Integer>> askedAgain = new java.util.TreeMap<>();
    long asked = 0;
    int distinct = 0;
    for (var e : fake.bodyCounts("fake-mc").entrySet()) {
      int times = e.getValue() - bodiesBefore.getOrDefault(e.getKey(), 0);
      asked += times;
      distinct += times > 0 ? 1 : 0;
      if (times > 1) {
        // the CSV row is the doc id and the sample's index in the task (one split, no shuffle)
        String prompt = JSON.readTree(e.getKey()).get("prompt").asString();
        var m = java.util.regex.Pattern.compile("문항 (\\d+)의").matcher(prompt);
        assertThat(m.find()).as(prompt).isTrue();
        int doc = Integer.parseInt(m.group(1));
        Shard of = shards.stream().filter(s -> s.first() <= doc && doc < s.end()).findFirst().get();
        askedAgain.computeIfAbsent(of.no(), k -> new java.util.TreeSet<>()).add(doc);
      }
    }
    assertThat(asked).isEqualTo(fake.requests("fake-mc") - askedBefore);
    assertThat(distinct).as("every request asked at least once").isEqualTo(SAMPLES * CHOICES);
    String report = "asked again, by shard: " + askedAgain + "; shards: " + shards;
    System.out.println(report);
    int takeovers = 0;
    for (Shard s : shards) {
      takeovers += s.attempts() - 1;
      int again = askedAgain.getOrDefault(s.no(), java.util.Set.of()).size();
      assertThat(again).as(report).isLessThanOrEqualTo((s.attempts() - 1) * 2 * CAPACITY);
    }
    assertThat(shards.get(victimShard).attempts()).as(report).isGreaterThanOrEqualTo(2);
    assertThat(asked)
        .as(report)
        .isLessThanOrEqualTo((long) SAMPLES * CHOICES + takeovers * 2L * CAPACITY * CHOICES);
  }

  private static EvalRequest request(FakeOpenAiServer fake, Path tasks, Path out, String runId) {
    return EvalRequest.builder("openai/fake-mc")
        .baseUrl(fake.baseUrl())
        .apiKeyEnv("GUKDAE_TEST_NO_KEY")
        .tasks(List.of("test/workers"))
        .taskDirs(List.of(tasks))
        .concurrency(8)
        .outputDir(out)
        .runId(runId)
        .maxRetries(2)
        .requestTimeout(Duration.ofSeconds(30))
        .responseCache(false)
        .build();
  }

  private static int permitsInUse(JdbcClient jdbc) {
    return jdbc.sql(
            "SELECT COALESCE(SUM(permits), 0) FROM eval_endpoint_permit"
                + " WHERE lease_until >= CURRENT_TIMESTAMP")
        .query(Integer.class)
        .single();
  }

  private static HikariDataSource pool(String url, String user, String password) {
    var ds = new HikariDataSource();
    ds.setJdbcUrl(url);
    ds.setUsername(user);
    ds.setPassword(password);
    ds.setMaximumPoolSize(4);
    return ds;
  }

  private static ChildJvm start(String url, String user, String password, Path home, String id) {
    return ChildJvm.main(WorkerChild.class)
        .fastStart("gukdae-worker-test.jsa")
        .args(url, user, password, home.toString(), id, String.valueOf(CAPACITY), "2000")
        .start();
  }

  private static Path writeTask(Path dir) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("tasks"));
    List<String> rows = new ArrayList<>();
    rows.add("question,answer,A,B,Category");
    String[] categories = {"Geo", "Culture", "Science", "History"};
    for (int i = 0; i < SAMPLES; i++) {
      rows.add(
          String.join(
              ",",
              "문항 " + i + "의 답은?",
              String.valueOf(1 + (i * 7) % 2),
              "가" + i,
              "나" + (i % 13),
              categories[i % categories.length]));
    }
    Files.write(folder.resolve("workers.csv"), rows, StandardCharsets.UTF_8);
    Files.writeString(
        folder.resolve("workers.yaml"),
        """
        task: test/workers
        dataset:
          files:
            test: workers.csv
        output_type: multiple_choice
        doc_to_text: "{{question}}\\nA. {{A}}\\nB. {{B}}\\n정답："
        doc_to_choice: ["A", "B"]
        doc_to_target: "{{answer|int - 1}}"
        group_by: Category
        metric_list: [acc, acc_norm, f1]
        """);
    return folder;
  }
}
