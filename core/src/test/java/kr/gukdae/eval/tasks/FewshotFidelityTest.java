package kr.gukdae.eval.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.eval.Sample;
import kr.gukdae.eval.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Few-shot prompts as lm-evaluation-harness builds them. Expected draws were computed once with
 * Debian's CPython 3.11.2, mimicking lm-eval's default sampler: {@code r = random.Random(1234)};
 * per document {@code [x for x in r.sample(pool, 4) if x != doc][:3]}.
 */
class FewshotFidelityTest {

  @TempDir Path dir;

  private static final String ROWS =
      """
      {"q": "q0", "a": "a0"}
      {"q": "q1", "a": "a1"}
      {"q": "q2", "a": "a2"}
      {"q": "q3", "a": "a3"}
      {"q": "q4", "a": "a4"}
      {"q": "q5", "a": "a5"}
      {"q": "q6", "a": "a6"}
      {"q": "q7", "a": "a7"}
      """;

  private static final String BASE =
      """
      task: t/fewshot
      dataset:
        files: {test: test.jsonl, train: train.jsonl}
      output_type: generate_until
      doc_to_text: "{{q}}"
      doc_to_target: "{{a}}"
      """;

  private Task load(String yaml, Integer shots) throws IOException {
    Files.writeString(dir.resolve("test.jsonl"), ROWS);
    Files.writeString(
        dir.resolve("train.jsonl"), ROWS.replace(": \"q", ": \"t").replace(": \"a", ": \"b"));
    Path file = dir.resolve("task.yaml");
    Files.writeString(file, BASE + yaml);
    return TaskLoader.load(file, new TaskLoader.Options(shots, null, null));
  }

  private static String shots(String... ids) {
    var out = new StringBuilder();
    for (String id : ids) {
      out.append('q').append(id).append(" a").append(id).append("\n\n");
    }
    return out.toString();
  }

  @Test
  void defaultSamplerDrawsPerDocumentAndNeverShowsTheDocumentItself() throws IOException {
    Task task = load("fewshot_split: test\nnum_fewshot: 3\n", null);
    List<String> prompts = task.samples().stream().map(Sample::prompt).toList();
    assertThat(prompts)
        .containsExactly(
            shots("7", "6", "5") + "q0",
            shots("0", "5", "6") + "q1",
            shots("1", "6", "7") + "q2",
            shots("0", "7", "6") + "q3",
            shots("7", "3", "1") + "q4",
            shots("1", "7", "0") + "q5",
            shots("0", "4", "3") + "q6",
            shots("1", "5", "4") + "q7");
    for (int d = 0; d < prompts.size(); d++) {
      assertThat(prompts.get(d)).doesNotContain("q" + d + " a" + d);
    }
  }

  @Test
  void firstNSkipsTheDocumentWhenItIsInTheFewshotSplit() throws IOException {
    Task task = load("fewshot_split: test\nfewshot_sampler: first_n\n", 3);
    assertThat(task.samples().get(0).prompt()).isEqualTo(shots("1", "2", "3") + "q0");
    assertThat(task.samples().get(2).prompt()).isEqualTo(shots("0", "1", "3") + "q2");
    assertThat(task.samples().get(7).prompt()).isEqualTo(shots("0", "1", "2") + "q7");
  }

  @Test
  void anotherSplitIsNotFilteredAndDrawsStillMoveOnPerDocument() throws IOException {
    // r = random.Random(1234): r.sample(range(8), 2) -> [7, 0], then [0, 7]
    Task task = load("fewshot_split: train\n", 2);
    assertThat(task.samples().get(0).prompt()).isEqualTo("t7 b7\n\nt0 b0\n\nq0");
    assertThat(task.samples().get(1).prompt()).isEqualTo("t0 b0\n\nt7 b7\n\nq1");
  }

  @Test
  void withoutFewshotSplitTheTrainingSplitServesAsLmEvalsRuleHas() throws IOException {
    Task task = load("training_split: train\nfewshot_sampler: first_n\n", 1);
    assertThat(task.samples().get(0).prompt()).isEqualTo("t0 b0\n\nq0");
  }

  @Test
  void aTaskFilesZeroShotsHoldAgainstTheCommandLine() throws IOException {
    Task task = load("fewshot_split: train\nnum_fewshot: 0\n", 5);
    assertThat(task.config().numFewshot()).isZero();
    assertThat(task.samples().get(0).prompt()).isEqualTo("q0");
  }

  @Test
  void anExampleWithAnEmptyAnswerIsItsTextWithoutDelimiters() throws IOException {
    Files.writeString(dir.resolve("test.jsonl"), ROWS);
    Path file = dir.resolve("task.yaml");
    Files.writeString(
        file,
        BASE.replace("train: train.jsonl", "train: empty.jsonl")
            + "fewshot_split: train\nfewshot_sampler: first_n\n");
    Files.writeString(
        dir.resolve("empty.jsonl"),
        "{\"q\": \"e0\", \"a\": \"\"}\n{\"q\": \"e1\", \"a\": \"b1\"}\n");
    Task task = TaskLoader.load(file, new TaskLoader.Options(2, null, null));
    assertThat(task.samples().get(0).prompt()).isEqualTo("e0e1 b1\n\nq0");
  }

  @Test
  void inlineSamplesServeAsExamplesAndDescriptionAndDelimitersApply() throws IOException {
    Task task =
        load(
            """
            num_fewshot: 2
            fewshot_sampler: first_n
            prompt_format: plain
            target_delimiter: " => "
            fewshot_delimiter: "\\n---\\n"
            prompt_prefix: "Answer briefly.\\n"
            fewshot_samples:
              - {q: "s0", a: "x0"}
              - {q: "s1", a: "x1"}
            """,
            null);
    assertThat(task.samples().get(3).prompt())
        .isEqualTo("Answer briefly.\ns0 => x0\n---\ns1 => x1\n---\nq3");
    // lm-eval's default stop sequence is the few-shot delimiter
    assertThat(task.config().generation().stop()).containsExactly("\n---\n");
  }

  @Test
  void generationStopsAtTheFewshotDelimiterWhenUntilIsMissing() throws IOException {
    Task plain = load("", null);
    assertThat(plain.config().generation().stop()).containsExactly("\n\n");
    Task kwargs = load("generation_kwargs: {max_gen_toks: 12}\n", null);
    assertThat(kwargs.config().generation().stop()).containsExactly("\n\n");
    assertThat(kwargs.config().generation().maxTokens()).isEqualTo(12);
  }

  @Test
  void tooFewExamplesOrDuplicatesOfTheDocumentAreErrors() throws IOException {
    assertThatThrownBy(() -> load("fewshot_split: test\n", 8))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("num_fewshot 8 but the fewshot split has 7");
    Files.writeString(dir.resolve("test.jsonl"), "{\"q\": \"d\", \"a\": \"x\"}\n".repeat(3));
    Path file = dir.resolve("task.yaml");
    Files.writeString(file, BASE.replace(", train: train.jsonl", "") + "fewshot_split: test\n");
    assertThatThrownBy(() -> TaskLoader.load(file, new TaskLoader.Options(1, null, null)))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("copies of this document");
  }
}
