package kr.gukdae.eval.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.eval.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shapes of lm-eval's Korean task YAMLs that used to fail or pass silently, written by the project
 * as fixtures: a bare column named {@code gt}, {@code doc_to_text: ''}, a quoted {@code !function},
 * and the contamination switches.
 */
class LmEvalShapesTest {

  @TempDir Path tmp;

  private Task load(String yaml, String rows) throws Exception {
    Path set = Files.createDirectories(tmp.resolve("hf/org/set"));
    Files.writeString(set.resolve("test.jsonl"), rows);
    Path tasks = Files.createDirectories(tmp.resolve("tasks"));
    Files.writeString(
        tasks.resolve("t.yaml"), "task: t\ndataset_path: org/set\ntest_split: test\n" + yaml);
    return TaskRegistry.create(List.of(tasks))
        .load("lmeval/t", new TaskLoader.Options(null, null, tmp.resolve("hf")));
  }

  @Test
  void aBareColumnNamedGtIsThatColumnThoughJinjaReadsGtAsAnOperator() throws Exception {
    Task task =
        load(
            """
            output_type: multiple_choice
            doc_to_text: "{{question}}"
            doc_to_choice: options
            doc_to_target: gt
            """,
            "{\"question\": \"고르시오\", \"options\": [\"가\", \"나\"], \"gt\": 1}\n");
    assertThat(task.samples().get(0).target()).isEqualTo("1");
    assertThat(task.samples().get(0).choices()).containsExactly("가", "나");
  }

  @Test
  void anEmptyDocToTextIsAnEmptyContext() throws Exception {
    Task task =
        load(
            """
            output_type: multiple_choice
            doc_to_text: ''
            doc_to_choice: "{{[a, b]}}"
            doc_to_target: 0
            """,
            "{\"a\": \"첫째\", \"b\": \"둘째\"}\n");
    assertThat(task.samples().get(0).prompt()).isEmpty();
  }

  @Test
  void aQuotedFunctionTagIsStillAFunctionNotText() {
    assertThatThrownBy(() ->
            load(
                """
                output_type: generate_until
                doc_to_text: "{{q}}"
                doc_to_target: !function 'utils.target'
                """,
                "{\"q\": \"x\"}\n"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("doc_to_target is '!function utils.target', but its helper file");
  }

  @Test
  void kmmluCotHardTakesItsInlineChainOfThoughtSamplesAndReadsANoBreakSpaceAnswer()
      throws Exception {
    Task task =
        load(
            """
            output_type: generate_until
            validation_split: dev
            num_fewshot: 2
            doc_to_text: "{{question}}\\nA.{{A}}\\nB.{{B}}\\n정답: 차근 차근 생각해봅시다."
            doc_to_target: "{{['A', 'B'][answer-1] if answer is defined else target}}"
            fewshot_config:
              sampler: first_n
              samples:
                - {question: "질문: 하나", A: "가", B: "나", target: "가입니다. 따라서, 정답은 (A) 입니다."}
                - {question: "질문: 둘", A: "다", B: "라", target: "라입니다. 따라서, 정답은 (B) 입니다."}
            filter_list:
              - name: get-answer
                filter:
                  - function: regex
                    regex_pattern: "(?<=정답은)\\\\s*[(]?(A|B|C|D)[)]?.*(?=입니다.)"
                  - function: take_first
            generation_kwargs:
              until: ["질문:"]
            metric_list:
              - metric: exact_match
                aggregation: mean
                higher_is_better: true
                ignore_case: true
                ignore_punctuation: true
            """,
            "{\"question\": \"질문: 셋\", \"A\": \"마\", \"B\": \"바\", \"answer\": 2}\n");
    assertThat(task.samples().get(0).prompt())
        .isEqualTo(
            "질문: 하나\nA.가\nB.나\n정답: 차근 차근 생각해봅시다. 가입니다. 따라서, 정답은 (A) 입니다.\n\n"
                + "질문: 둘\nA.다\nB.라\n정답: 차근 차근 생각해봅시다. 라입니다. 따라서, 정답은 (B) 입니다.\n\n"
                + "질문: 셋\nA.마\nB.바\n정답: 차근 차근 생각해봅시다.");
    assertThat(task.samples().get(0).target()).isEqualTo("B");
    // Python's \s matches the no-break space after 정답은; Java's would not
    var scorer = task.scorers().get(0).scorer();
    assertThat(PackRuns.score(scorer, task.samples().get(0), "따라서 정답은\u00a0(B) 입니다."))
        .isEqualTo(1.0);
  }

  @Test
  void contaminationSwitchesAreKeptForTheAudit() throws Exception {
    Task task =
        load(
            """
            output_type: generate_until
            doc_to_text: "Q: {{q}}"
            doc_to_target: a
            should_decontaminate: true
            doc_to_decontamination_query: "{{q}}"
            """,
            "{\"q\": \"x\", \"a\": \"y\"}\n");
    assertThat(task.config().prompt().shouldDecontaminate()).isTrue();
    assertThat(task.config().prompt().decontaminationQuery()).isEqualTo("{{q}}");
    assertThat(task.samples().get(0).target()).isEqualTo("y");
  }
}
