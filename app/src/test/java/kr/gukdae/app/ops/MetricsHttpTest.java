package kr.gukdae.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import kr.gukdae.app.access.Accounts;
import kr.gukdae.app.access.Role;
import kr.gukdae.app.eval.EvalRequest;
import kr.gukdae.app.eval.ShardedRuns;
import kr.gukdae.app.workers.Worker;
import kr.gukdae.eval.run.EvalOutcome;
import kr.gukdae.eval.run.ProgressListener;
import kr.gukdae.model.openai.fake.FakeOpenAiServer;
import kr.gukdae.store.TestDatabases;
import kr.gukdae.web.TestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code GET /metrics} over real HTTP while a worker runs a sharded eval against the fake OpenAI
 * server and a voter votes in the arena: who may read it (office, or the scrape token; not the
 * public, not another role, not a wrong or empty token), and that queue depth, shard latency,
 * worker heartbeats, endpoint permits and votes move as the work happens.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "gukdae.metrics.token=" + MetricsHttpTest.TOKEN)
class MetricsHttpTest {

  static final String TOKEN = "scrape-token-for-tests-0123456789";
  private static final int SAMPLES = 240;
  private static final int SHARD = 40;

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired ShardedRuns runs;
  @Autowired DataSource dataSource;

  /** The web process's home; the worker shares it, so both seal samples under one secret. */
  private static Path home = Path.of("unset");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    home = Files.createTempDirectory("gukdae-metrics-test");
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    registry.add("gukdae.home", home::toString);
    registry.add("gukdae.arena.models", () -> "scripted/alpha,scripted/beta");
  }

  @Test
  void onlyTheOfficeOrTheScrapeTokenMayReadIt() throws Exception {
    var anonymous = new TestClient(port);
    assertThat(anonymous.send("GET", "/metrics", null).statusCode()).isEqualTo(401);
    assertThat(
            anonymous.send("GET", "/metrics", null, "Authorization", "Bearer wrong").statusCode())
        .isEqualTo(401);
    assertThat(anonymous.send("GET", "/metrics", null, "Authorization", "Bearer ").statusCode())
        .isEqualTo(401);
    assertThat(
            anonymous
                .send("GET", "/metrics", null, "Authorization", "Bearer " + TOKEN + "x")
                .statusCode())
        .isEqualTo(401);
    var voter = TestClient.as(port, accounts, "metrics-voter", Role.VOTER);
    assertThat(voter.send("GET", "/metrics", null).statusCode()).isEqualTo(403);
    var office = TestClient.as(port, accounts, "metrics-office", Role.OFFICE);
    var asOffice = office.send("GET", "/metrics", null);
    assertThat(asOffice.statusCode()).isEqualTo(200);
    assertThat(asOffice.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
    assertThat(asOffice.body()).contains("# TYPE gukdae_shards gauge", "jvm_memory_used_bytes");
    assertThat(new TestClient(port).send("GET", "/healthz", null).body()).contains("\"up\"");
  }

  @Test
  void figuresMoveWhenShardsRunAndVotesArrive() throws Exception {
    Scraper scraper = new Scraper(new TestClient(port));
    String before = scraper.scrape();
    double doneBefore = value(before, "gukdae_shards\\{kind=\"eval\",state=\"done\"}");
    double timedBefore = value(before, "gukdae_shard_duration_seconds_count\\{kind=\"eval\"}");
    double votesBefore = value(before, "gukdae_arena_votes_total");

    try (FakeOpenAiServer fake = FakeOpenAiServer.start(0, 15, null)) {
      Path tasks = writeTask(Files.createTempDirectory("gukdae-metrics-task"));
      Worker worker =
          new Worker(
              new Worker.Config(
                  "metrics-w1", 2, null, Duration.ofSeconds(5), Duration.ofMillis(50), home),
              dataSource);
      Thread loop = Thread.ofPlatform().name("metrics-worker").start(worker::run);
      try {
        CompletableFuture<EvalOutcome> run =
            CompletableFuture.supplyAsync(
                () -> runs.run(request(fake, tasks), SHARD, ProgressListener.NONE));
        double queuedMax = 0;
        double inUseMax = 0;
        double limit = 0;
        double live = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!run.isDone()) {
          assertThat(System.nanoTime()).as("run finished in time").isLessThan(deadline);
          String now = scraper.scrape(); // one scrape per round trip paces this loop
          queuedMax =
              Math.max(queuedMax, value(now, "gukdae_shards\\{kind=\"eval\",state=\"queued\"}"));
          inUseMax = Math.max(inUseMax, sumOf(now, "gukdae_endpoint_permits_in_use\\{[^}]*}"));
          limit = Math.max(limit, sumOf(now, "gukdae_endpoint_permits_limit\\{[^}]*}"));
          live = Math.max(live, value(now, "gukdae_workers_live"));
        }
        run.get();
        assertThat(queuedMax).as("queue depth seen while running").isGreaterThan(0);
        assertThat(inUseMax).as("permits seen in use").isBetween(1.0, 2.0);
        assertThat(limit).isEqualTo(2.0);
        assertThat(live).isEqualTo(1.0);
      } finally {
        worker.stop();
        loop.join(TimeUnit.SECONDS.toMillis(30));
      }
    }
    // a vote through the arena's own HTTP API
    var voter = new TestClient(port);
    var started = voter.send("POST", "/api/arena/battles", Map.of("prompt", "메트릭 시험 질문"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String battle = started.body().replaceAll(".*\"battleId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    voter.send("GET", "/api/arena/battles/" + battle + "/turns/1/events", null);
    var vote = voter.send("POST", "/api/arena/battles/" + battle + "/vote", Map.of("outcome", "A"));
    assertThat(vote.statusCode()).as(vote.body()).isEqualTo(200);

    String after = scraper.scrape();
    int shards = SAMPLES / SHARD;
    assertThat(value(after, "gukdae_shards\\{kind=\"eval\",state=\"done\"}") - doneBefore)
        .isEqualTo(shards);
    assertThat(value(after, "gukdae_shards\\{kind=\"eval\",state=\"queued\"}")).isZero();
    // every sample shard and the merge timed; the fake answers in 15 ms, so time adds up
    assertThat(value(after, "gukdae_shard_duration_seconds_count\\{kind=\"eval\"}") - timedBefore)
        .isEqualTo(shards + 1);
    assertThat(value(after, "gukdae_shard_duration_seconds_sum\\{kind=\"eval\"}")).isGreaterThan(0);
    assertThat(value(after, "gukdae_worker_heartbeat_age_seconds\\{worker=\"metrics-w1\"}"))
        .isBetween(0.0, 60.0);
    assertThat(sumOf(after, "gukdae_endpoint_permits_in_use\\{[^}]*}")).isZero();
    assertThat(value(after, "gukdae_arena_votes_total") - votesBefore).isEqualTo(1);
    assertThat(value(after, "gukdae_arena_votes_last_minute")).isGreaterThanOrEqualTo(1);
  }

  /** Scrapes with the token, as Prometheus would. */
  private record Scraper(TestClient client) {
    String scrape() throws Exception {
      var response = client.send("GET", "/metrics", null, "Authorization", "Bearer " + TOKEN);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return response.body();
    }
  }

  /** The value of the one sample whose name and labels match {@code series} (a regex). */
  private static double value(String scrape, String series) {
    List<Double> values = values(scrape, series);
    assertThat(values).as(series + " in\n" + scrape).hasSize(1);
    return values.get(0);
  }

  private static double sumOf(String scrape, String series) {
    return values(scrape, series).stream().mapToDouble(Double::doubleValue).sum();
  }

  private static List<Double> values(String scrape, String series) {
    Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(scrape);
    List<Double> values = new ArrayList<>();
    while (m.find()) {
      values.add(Double.parseDouble(m.group(1)));
    }
    return values;
  }

  private static EvalRequest request(FakeOpenAiServer fake, Path tasks) {
    return EvalRequest.builder("openai/fake-metrics")
        .baseUrl(fake.baseUrl())
        .apiKeyEnv("GUKDAE_TEST_NO_KEY")
        .tasks(List.of("test/metrics"))
        .taskDirs(List.of(tasks))
        .concurrency(2)
        .outputDir(tasks.resolve("out"))
        .maxRetries(2)
        .requestTimeout(Duration.ofSeconds(30))
        .responseCache(false)
        .build();
  }

  private static Path writeTask(Path dir) throws Exception {
    List<String> rows = new ArrayList<>();
    rows.add("question,answer,A,B");
    for (int i = 0; i < SAMPLES; i++) {
      rows.add("질문 " + i + "," + (1 + i % 2) + ",가" + i + ",나" + i);
    }
    Files.write(dir.resolve("metrics.csv"), rows, StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("metrics.yaml"),
        """
        task: test/metrics
        dataset:
          files:
            test: metrics.csv
        output_type: multiple_choice
        doc_to_text: "{{question}}\\nA. {{A}}\\nB. {{B}}\\n정답："
        doc_to_choice: ["A", "B"]
        doc_to_target: "{{answer|int - 1}}"
        metric_list: [acc]
        """);
    return dir;
  }
}
