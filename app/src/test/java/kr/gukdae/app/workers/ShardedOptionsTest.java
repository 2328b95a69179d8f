package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kr.gukdae.app.eval.EvalRequest;
import kr.gukdae.app.eval.EvalStore;
import kr.gukdae.eval.run.EvalOutcome;
import kr.gukdae.model.openai.fake.FakeOpenAiServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * A sharded run with few-shot examples as chat turns and a judge model grading the answers gives
 * the same results.json and samples as the single-process run: both options travel with the job to
 * the worker (issue #20's finding: the job dropped them), the judge is asked once per sample, never
 * by the merge, and the run folder names the judge.
 */
class ShardedOptionsTest {

  private static final String JUDGE = "openai/fake-judge:grade";

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aShardedRunWithAJudgeAndFewshotTurnsEqualsTheSingleProcessRun(String database)
      throws Exception {
    Path tasks = writeTask(dir.resolve("tasks"));
    Path home = dir.resolve("home");
    try (var fake = FakeOpenAiServer.start()) {
      EvalOutcome alone =
          RunFiles.single(request(fake, tasks, "single"), dir.resolve("single"), "single", home);
      long judged = fake.requests("fake-judge:grade");
      assertThat(judged).isEqualTo(9);
      JsonNode results = RunFiles.comparable(alone.resultsFile());
      // the options shaped the run: turns, a judge, and grades that differ between answers
      assertThat(results.path("fewshot_as_multiturn").asBoolean()).isTrue();
      assertThat(results.path("gukdae").path("judge").asString()).isEqualTo(JUDGE);
      double graded =
          results.path("results").path("test/judged").path("model_graded,judge").asDouble();
      assertThat(graded).isStrictlyBetween(0.0, 1.0);

      var fixture = QueueFixture.open(database);
      Submission submission =
          Submission.submit(
              fixture.queue(),
              fixture.seal(),
              new EvalStore(fixture.jdbc()),
              request(fake, tasks, "sharded"),
              "sharded",
              3,
              home);
      fixture.runWorkerUntilDone(
          "sharded",
          new Worker.Config(
              "w", 2, null, Duration.ofSeconds(30), Duration.ofMillis(20), dir.resolve("w")));
      assertThat(fixture.status("sharded")).isEqualTo("DONE");
      EvalOutcome sharded =
          submission.merge(fixture.queue(), JobSeal.of(QueueFixture.SECRET, home), home);

      assertThat(RunFiles.comparable(sharded.resultsFile())).isEqualTo(results);
      assertThat(RunFiles.sampleLines(sharded.resultsFile().getParent()))
          .isEqualTo(RunFiles.inTaskOrder(RunFiles.sampleLines(alone.resultsFile().getParent())));
      assertThat(fake.requests("fake-judge:grade")).isEqualTo(2 * judged);
    }
  }

  private EvalRequest request(FakeOpenAiServer fake, Path tasks, String runId) {
    return EvalRequest.builder("openai/fake-opts")
        .baseUrl(fake.baseUrl())
        .apiKeyEnv("GUKDAE_TEST_NO_KEY")
        .tasks(List.of("test/judged"))
        .taskDirs(List.of(tasks))
        .concurrency(2)
        .outputDir(dir.resolve(runId))
        .runId(runId)
        .maxRetries(0)
        .requestTimeout(Duration.ofSeconds(10))
        .responseCache(false)
        .fewshotAsMultiturn(true)
        .judge(JUDGE)
        .build();
  }

  /** Nine questions with two worked examples each, answered freely and graded by the judge. */
  private static Path writeTask(Path folder) throws Exception {
    return writeTask(folder, 9);
  }

  /**
   * Task {@code test/judged}: {@code questions} questions with two worked examples each, answered
   * freely and graded by the judge.
   */
  static Path writeTask(Path folder, int questions) throws Exception {
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("train.jsonl"),
        """
        {"q": "세종이 만든 문자는?", "a": "한글"}
        {"q": "조선의 수도는?", "a": "한양"}
        """);
    List<String> test = new ArrayList<>();
    for (int i = 0; i < questions; i++) {
      test.add("{\"q\": \"" + (i + 1) + " 더하기 " + i + "는?\", \"a\": \"" + (2 * i + 1) + "\"}");
    }
    Files.write(folder.resolve("test.jsonl"), test);
    Files.writeString(
        folder.resolve("judged.yaml"),
        """
        task: test/judged
        dataset:
          files: {test: test.jsonl, train: train.jsonl}
        test_split: test
        fewshot_split: train
        num_fewshot: 2
        fewshot_sampler: first_n
        output_type: generate_until
        doc_to_text: "질문: {{q}}\\n답:"
        doc_to_target: "{{a}}"
        scorer: model_graded
        judge_rubric: "답이 정답과 같은 수이면 C, 아니면 I"
        """);
    return folder;
  }
}
