package kr.gukdae.app.workers;

import static kr.gukdae.lineage.Hub.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import kr.gukdae.app.lineage.LineageEvidenceRepository;
import kr.gukdae.app.lineage.RulesQuery;
import kr.gukdae.lineage.FakeHub;
import kr.gukdae.lineage.HubCrawler;
import kr.gukdae.lineage.Lineage;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Hub crawl as a lineage job on both databases, against the FAKE Hub on loopback: three workers
 * on their own threads fetch its pages (one fails once and is retried) and the joined cache and
 * count equal a single process's crawl; a job edited in the database to another Hub, or a page
 * edited to another host, sends that host nothing.
 */
class LineageJobTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ROOT = "team/Root";

  @TempDir Path root;
  private FakeHub hub;
  private JdbcClient jdbc;
  private JobQueue queue;
  private Jobs jobs;

  @BeforeEach
  void start() throws Exception {
    hub = new FakeHub();
    hub.put(model(ROOT).created("2025-08-01T00:00:00Z"));
    for (int i = 1; i <= 5; i++) {
      hub.put(
          model("u" + i + "/ft")
              .tag("base_model:" + ROOT)
              .modified("2025-09-0" + i + "T00:00:00Z"));
    }
    hub.put(
        model("q/ft-GGUF")
            .tag("base_model:quantized:u1/ft")
            .tag("base_model:u1/ft")
            .files("x.gguf", "README.md"));
    // a merge of two fine-tunes: listed under both, kept once
    hub.put(model("m/merged").tag("base_model:u2/ft").tag("base_model:u3/ft"));
    hub.put(model("u9/ft2").tag("base_model:u2/ft").modified("2025-10-01T00:00:00Z"));
    hub.put(model("team/reupload").tag("base_model:" + ROOT));
    hub.put(model("spam/empty").tag("base_model:u4/ft").files("README.md"));
    System.setProperty("gukdae.lineage.hub", hub.endpoint().toString());
  }

  @AfterEach
  void stop() {
    System.clearProperty("gukdae.lineage.hub");
    hub.close();
  }

  private void open(String database) throws Exception {
    var ds = TestDatabases.migrated(database);
    queue = new JobQueue(ds);
    jdbc = queue.jdbc();
    jobs = new Jobs(ds, root.toString(), "", root);
  }

  /** Runs one worker per name, each on its own thread, until none finds anything to do. */
  private void drain(String... workers) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    for (String id : workers) {
      var runner =
          new JobRunner(
              queue,
              new Worker.Config(id, 1, null, Duration.ofMinutes(5), Duration.ofMillis(10), root),
              () -> false);
      threads.add(
          Thread.ofPlatform()
              .start(() -> {
                try {
                  while (runner.runNext()) {
                    // until the queue has nothing for it
                  }
                } catch (Throwable e) {
                  errors.add(e);
                }
              }));
    }
    for (Thread t : threads) {
      t.join(TimeUnit.MINUTES.toMillis(2));
      assertThat(t.isAlive()).isFalse();
    }
    assertThat(errors).isEmpty();
  }

  private String submit(String hubUrl) {
    return submit(hubUrl, false);
  }

  private String submit(String hubUrl, boolean record) {
    var rules = RulesQuery.since("2025-08-01");
    var spec = new LineageJob.Spec(ROOT, hubUrl, 2, 0, 500_000, rules, 50, record);
    return jobs.submit(new LineageJob(), "lineage " + ROOT, JobJson.write(spec), "office");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aCrawlInPagesOnTheQueueEqualsTheSingleProcessCrawlAFailedPageRetried(String db)
      throws Exception {
    open(db);
    Path cache = root.resolve("single.jsonl");
    var settings =
        new HubCrawler.Settings(hub.endpoint(), null, 2, 0, Duration.ofMinutes(1), 500_000);
    HubCrawler.create(settings).crawl(ROOT, cache, Path.of(cache + ".cursor"));
    List<String> singleCache = Files.readAllLines(cache);
    var rules = RulesQuery.since("2025-08-01");
    JsonNode singleCount = JSON.valueToTree(Lineage.load(cache).count(ROOT, rules.rules(), 50));
    int singleRequests = hub.requests.size();

    // page 2 of the root's listing answers 500 once: that piece fails and is run again
    hub.failOnce.add("base_model:" + ROOT + "#2");
    String id = submit(hub.endpoint().toString());
    assertThat(jobs.progress(id).orElseThrow().shardsTotal()).as("record, page 1").isEqualTo(2);
    drain("w1", "w2", "w3");

    JobProgress done = jobs.progress(id).orElseThrow();
    assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo("DONE");
    assertThat(done.retries()).isEqualTo(1);
    assertThat(done.shardsTotal()).as("pages found while crawling").isGreaterThan(8);
    assertThat(hub.failOnce).isEmpty();
    // pages found by two workers at once were queued once
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM (SELECT label FROM work_shard WHERE job_id = ?"
                        + " GROUP BY label HAVING COUNT(*) > 1) d")
                .param(id)
                .query(Integer.class)
                .single())
        .isZero();
    JsonNode result = JSON.readTree(jobs.result(id).orElseThrow());
    List<String> joined = result.get("cache").valueStream().map(JsonNode::asString).toList();
    assertThat(joined).isEqualTo(singleCache);
    assertThat(joined).as("every record once, the merge too").hasSize(11);
    assertThat(result.get("count")).isEqualTo(singleCount);
    assertThat(result.get("count").get("counted").asInt()).isPositive();
    // each page fetched once, the failed one twice (the job's pages: the crawl's, plus the retry)
    assertThat(hub.requests.size() - singleRequests).isEqualTo(singleRequests + 1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aJobOrPageEditedToAnotherHostSendsItNothing(String db) throws Exception {
    open(db);
    try (FakeHub thief = new FakeHub()) {
      thief.put(model(ROOT));
      // the job's Hub edited in the database: every process refuses before any request
      String edited = submit(hub.endpoint().toString());
      jdbc.sql("UPDATE work_job SET spec = REPLACE(spec, ?, ?) WHERE id = ?")
          .params(hub.endpoint().toString(), thief.endpoint().toString(), edited)
          .update();
      SealedSpecsTest.reseal(jdbc, root, edited); // by someone who holds the secret too
      drain("w1");
      JobProgress failed = jobs.progress(edited).orElseThrow();
      assertThat(failed.status()).isEqualTo("FAILED");
      assertThat(failed.error()).contains("is not this process's Hub");

      // a page's URL edited to another host: refused by the worker, not requested
      String page = submit(hub.endpoint().toString());
      jdbc.sql("UPDATE work_shard SET spec = REPLACE(spec, ?, ?) WHERE job_id = ? AND shard_no = 1")
          .params(hub.endpoint().toString(), thief.endpoint().toString(), page)
          .update();
      SealedSpecsTest.reseal(jdbc, root, page); // by someone who holds the secret too
      drain("w1");
      JobProgress refused = jobs.progress(page).orElseThrow();
      assertThat(refused.status()).isEqualTo("FAILED");
      assertThat(refused.error()).contains("not under " + hub.endpoint() + "/api/models");
      assertThat(thief.requests).isEmpty();

      // a page's path edited to climb out of /api/models on the right host: not requested either
      String climbed = submit(hub.endpoint().toString());
      jdbc.sql(
              "UPDATE work_shard SET spec = REPLACE(spec, '/api/models?', '/api/models/../admin?')"
                  + " WHERE job_id = ? AND shard_no = 1")
          .param(climbed)
          .update();
      SealedSpecsTest.reseal(jdbc, root, climbed); // by someone who holds the secret too
      drain("w1");
      assertThat(jobs.progress(climbed).orElseThrow().error()).contains("/api/models/../admin");
      assertThat(hub.requests).noneMatch(r -> r.contains("admin"));
    }
  }

  /**
   * A job with {@code record} stores its count as the row a direct {@code gukdae lineage --record}
   * writes, once: two holders of the merge (the first one's lease ran out and another took it) both
   * join, only the one holding the fence stores, and a store that got past the fence anyway fails
   * on the job's id.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aRecordedJobStoresItsCountAsLineageEvidenceOnceEvenWhenTwoHoldersJoin(String db)
      throws Exception {
    open(db);
    Path cache = root.resolve("single.jsonl");
    var settings =
        new HubCrawler.Settings(hub.endpoint(), null, 2, 0, Duration.ofMinutes(1), 500_000);
    HubCrawler.create(settings).crawl(ROOT, cache, Path.of(cache + ".cursor"));
    Lineage single = Lineage.load(cache);
    var rules = new RulesQuery("2025-08-01", null, null, null, null, null, null, null, null);
    var direct =
        new LineageEvidenceRepository(jdbc)
            .save(single.count(ROOT, rules.rules(), 50), single.report(), cache.toString());

    String id = submit(hub.endpoint().toString(), true);
    JobSeal seal = JobSeal.of("", root);
    LineageJob kind = new LineageJob();
    JobQueue.Claim first;
    while (true) { // the pieces, by hand, as a worker runs them
      JobQueue.Claim c = queue.claim("a", Duration.ofMinutes(5)).orElseThrow();
      if (c.merge()) {
        queue.unclaim(c);
        first = queue.claim("a", Duration.ZERO).orElseThrow(); // a lease over at once
        break;
      }
      LineageJob.Fetched result = kind.run(c.jobId(), c.jobSpec(), c.spec());
      queue.complete(
          c, kind.codec().write(result), seal, kind.more(c.jobId(), c.jobSpec(), c.spec(), result));
    }
    assertThat(first.merge()).isTrue();
    Optional<JobQueue.Claim> second = Optional.empty();
    for (int i = 0; i < 100_000 && second.isEmpty(); i++) {
      second = queue.claim("b", Duration.ofMinutes(5)); // once the database clock moved on
    }
    assertThat(second).as("the merge taken over").isPresent();
    List<LineageJob.Fetched> results = kind.codec().results(id, queue.results(id, seal));
    JobKind.Joined late = kind.join(id, first.jobSpec(), results);
    JobKind.Joined current = kind.join(id, second.get().jobSpec(), results);
    assertThat(queue.finish(first, late, seal, null)).as("fenced").isFalse();
    assertThat(queue.finish(second.get(), current, seal, null)).isTrue();
    assertThatThrownBy(() -> queue.tx().executeWithoutResult(s -> late.store(jdbc)))
        .as("a store past the fence fails on the job's id")
        .isInstanceOf(RuntimeException.class);

    List<LineageEvidenceRepository.Evidence> rows = new LineageEvidenceRepository(jdbc).list(ROOT);
    assertThat(rows).hasSize(2);
    var fromJob = rows.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    assertThat(fromJob)
        .usingRecursiveComparison()
        .ignoringFields("id", "source", "recordedAt")
        .isEqualTo(direct);
    assertThat(fromJob.source()).contains(hub.endpoint().toString()).contains("job " + id);
    var lr = new LineageEvidenceRepository(jdbc);
    assertThat(lr.tree(id).orElseThrow().tree())
        .isEqualTo(lr.tree(direct.id()).orElseThrow().tree());
    JsonNode result = JSON.readTree(jobs.result(id).orElseThrow());
    assertThat(result.get("evidenceId").asString()).isEqualTo(id);
    assertThat(result.get("count").get("counted").asInt()).isEqualTo(direct.counted());

    // without record, nothing is stored
    String plain = submit(hub.endpoint().toString());
    drain("w1");
    assertThat(jobs.progress(plain).orElseThrow().status()).isEqualTo("DONE");
    assertThat(JSON.readTree(jobs.result(plain).orElseThrow()).has("evidenceId")).isFalse();
    assertThat(new LineageEvidenceRepository(jdbc).list(ROOT)).hasSize(2);
  }
}
