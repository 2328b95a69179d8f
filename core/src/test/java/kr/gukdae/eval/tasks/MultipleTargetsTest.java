package kr.gukdae.eval.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.eval.ModelCall;
import kr.gukdae.eval.Sample;
import kr.gukdae.eval.ScoreSpec;
import kr.gukdae.eval.Task;
import kr.gukdae.eval.TaskState;
import kr.gukdae.model.LoglikelihoodResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lm-eval's multiple targets ({@code doc_to_target} giving a list, decided from the first
 * document): for multiple choice a list of gold indices, and acc / acc_norm count a pick of any of
 * them; for generation a list of references, and exact_match is 1 when the reply matches any; a
 * few-shot example shows the first ({@code build_qa_turn}'s {@code a[0]}).
 */
class MultipleTargetsTest {

  @TempDir Path dir;
  private Path hf;

  @BeforeEach
  void data() throws Exception {
    hf = dir.resolve("hf");
    Files.createDirectories(hf.resolve("org/cap"));
    Files.writeString(
        hf.resolve("org/cap/test.jsonl"),
        """
        {"q": "한국의 수도는?", "names": ["서울", "Seoul"], "opts": ["서울", "부산", "Seoul"], "golds": [0, 2]}
        {"q": "일본의 수도는?", "names": ["도쿄", "東京"], "opts": ["오사카", "도쿄", "東京"], "golds": [1, 2]}
        """);
    Files.writeString(
        hf.resolve("org/cap/train.jsonl"), Files.readString(hf.resolve("org/cap/test.jsonl")));
  }

  private Task load(String yaml) throws Exception {
    Path tasks = Files.createDirectories(dir.resolve("tasks"));
    Files.writeString(
        tasks.resolve("cap.yaml"),
        "task: cap\ndataset_path: org/cap\ntest_split: test\ndoc_to_text: \"{{q}}\"\n" + yaml);
    return TaskRegistry.create(List.of(tasks))
        .load("lmeval/cap", new TaskLoader.Options(null, null, hf));
  }

  private static double choose(ScoreSpec spec, Sample sample, int best) {
    List<LoglikelihoodResult> lls =
        java.util.stream.IntStream.range(0, sample.choices().size())
            .mapToObj(i -> new LoglikelihoodResult(i == best ? -1.0 : -9.0, i == best))
            .toList();
    var state =
        TaskState.initial(sample)
            .withChoiceLogprobs(lls, new ModelCall("loglikelihood", List.of(), List.of()));
    return spec.scorer().score(state).value();
  }

  @Test
  void multipleChoiceCountsAPickOfAnyGoldIndex() throws Exception {
    Task task =
        load(
            """
            output_type: multiple_choice
            doc_to_choice: opts
            doc_to_target: golds
            metric_list: [{metric: acc}, {metric: acc_norm}]
            """);
    Sample first = task.samples().get(0);
    assertThat(first.targets()).containsExactly("0", "2");
    for (ScoreSpec spec : task.scorers()) {
      assertThat(choose(spec, first, 0)).as(spec.key()).isEqualTo(1.0);
      assertThat(choose(spec, first, 2)).as(spec.key()).isEqualTo(1.0);
      assertThat(choose(spec, first, 1)).as(spec.key()).isZero();
    }
  }

  @Test
  void generationScoresAReplyMatchingAnyReference() throws Exception {
    Task task =
        load(
            """
            output_type: generate_until
            training_split: train
            doc_to_target: "{{names}}"
            metric_list: [{metric: exact_match}]
            """);
    Sample first = task.samples().get(0);
    assertThat(first.golds()).containsExactly("서울", "Seoul");
    ScoreSpec em = task.scorers().get(0);
    assertThat(PackRuns.score(em.scorer(), first, "Seoul")).isEqualTo(1.0);
    assertThat(PackRuns.score(em.scorer(), first, "서울")).isEqualTo(1.0);
    assertThat(PackRuns.score(em.scorer(), first, "부산")).isZero();
    // an example's answer is the first reference
    Task shot =
        TaskRegistry.create(List.of(dir.resolve("tasks")))
            .load("lmeval/cap", new TaskLoader.Options(1, null, hf));
    assertThat(shot.samples().get(0).prompt()).matches("(?s).*의 수도는\\? (서울|도쿄)\n\n한국의 수도는\\?");
  }

  @Test
  void aRowOfTheOtherShapeThanTheFirstIsAnError() throws Exception {
    Files.writeString(
        hf.resolve("org/cap/test.jsonl"),
        """
        {"q": "한국의 수도는?", "names": ["서울", "Seoul"]}
        {"q": "일본의 수도는?", "names": "도쿄"}
        """);
    assertThatThrownBy(() -> load("output_type: generate_until\ndoc_to_target: names\n"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("test.jsonl")
        .hasMessageContaining("one answer here but a list for the first document");
    assertThatThrownBy(() ->
            load(
                """
                output_type: multiple_choice
                doc_to_choice: "{{['서울', 'Seoul']}}"
                doc_to_target: names
                """))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("must be choice indices");
  }
}
