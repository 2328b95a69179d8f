package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kr.gukdae.app.eval.EvalRequest;
import kr.gukdae.app.eval.EvalStore;
import kr.gukdae.model.openai.fake.FakeOpenAiServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A judged run on two workers against an endpoint limited to three requests in flight: the judge is
 * asked at the model's endpoint, and its requests pass the same permits as the model's, so the fake
 * server never sees more than three at once (before, each worker kept its grant of model requests
 * in flight plus the judge's grades of up to twice that many samples beside them).
 */
class JudgePermitsTest {

  private static final int LIMIT = 3;
  private static final int QUESTIONS = 48;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void judgeAndModelRequestsTogetherStayWithinTheEndpointLimit(String database) throws Exception {
    Path tasks = ShardedOptionsTest.writeTask(dir.resolve("tasks"), QUESTIONS);
    Path home = dir.resolve("home");
    // answers take 15 ms, so requests of both workers overlap
    try (var fake = FakeOpenAiServer.start(0, 15, null)) {
      var fixture = QueueFixture.open(database);
      EvalRequest request =
          EvalRequest.builder("openai/fake-opts")
              .baseUrl(fake.baseUrl())
              .apiKeyEnv("GUKDAE_TEST_NO_KEY")
              .tasks(List.of("test/judged"))
              .taskDirs(List.of(tasks))
              .concurrency(16) // what each adapter alone would allow: the limit must come first
              .maxRetries(0)
              .requestTimeout(Duration.ofSeconds(10))
              .responseCache(false)
              .judge("openai/fake-judge:grade")
              .build();
      Submission.submit(
          fixture.queue(),
          fixture.seal(),
          new EvalStore(fixture.jdbc()),
          request,
          "judged",
          12,
          home);
      new EndpointPermits(fixture.queue())
          .setLimit(Submission.normalizeEndpoint(fake.baseUrl()), LIMIT);

      List<Worker> workers = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      for (String id : List.of("a", "b")) {
        // capacity 2 each: together they would ask for 4, the limit grants 3
        var config =
            new Worker.Config(
                id, 2, null, Duration.ofSeconds(30), Duration.ofMillis(20), dir.resolve(id));
        Worker worker = new Worker(config, fixture.dataSource(), QueueFixture.SECRET);
        workers.add(worker);
        threads.add(Thread.ofPlatform().start(worker::run));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (fixture.status("judged").equals("RUNNING") && System.nanoTime() < deadline) {
        threads.get(0).join(20);
      }
      workers.forEach(Worker::stop);
      for (Thread t : threads) {
        t.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(t.isAlive()).isFalse();
      }

      assertThat(fixture.status("judged")).isEqualTo("DONE");
      assertThat(fake.requests("fake-judge:grade")).as("every answer graded").isEqualTo(QUESTIONS);
      assertThat(fake.requests("fake-opts")).as("every question answered").isEqualTo(QUESTIONS);
      assertThat(fake.mostAtOnce())
          .as("requests in flight at the endpoint, model and judge together")
          .isBetween(1, LIMIT);
    }
  }
}
