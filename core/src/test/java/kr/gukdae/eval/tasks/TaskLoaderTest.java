package kr.gukdae.eval.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.eval.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskLoaderTest {

  @TempDir Path dir;

  private static final String KMMLU_CSV =
      """
      question,answer,A,B,C,D,Category
        대한민국의 수도는?  ,2,부산,서울,대구,광주,Geo
      "쉼표, 따옴표 ""포함"" 질문",1,가,나,다,라,Law
      """;

  private static final String KMMLU_YAML =
      """
      task: t/kmmlu_like
      dataset:
        files: {test: test.csv, dev: dev.csv}
      fewshot_split: dev
      output_type: multiple_choice
      doc_to_text: "{{question.strip()}}\\nA. {{A}}\\nB. {{B}}\\nC. {{C}}\\nD. {{D}}\\n정답："
      doc_to_choice: ["A", "B", "C", "D"]
      doc_to_target: "{{answer|int - 1}}"
      """;

  private Task load(String yaml) throws IOException {
    Files.writeString(dir.resolve("test.csv"), KMMLU_CSV);
    Files.writeString(dir.resolve("dev.csv"), KMMLU_CSV);
    Path file = dir.resolve("task.yaml");
    Files.writeString(file, yaml);
    return TaskLoader.load(file, TaskLoader.Options.DEFAULTS);
  }

  @Test
  void rendersKmmluPromptByteForByteWithTheFullWidthColon() throws IOException {
    Task task = load(KMMLU_YAML);
    assertThat(task.samples().get(0).prompt())
        .isEqualTo("대한민국의 수도는?\nA. 부산\nB. 서울\nC. 대구\nD. 광주\n정답\uFF1A");
    assertThat(task.samples().get(0).target()).isEqualTo("1");
    assertThat(task.samples().get(1).prompt()).startsWith("쉼표, 따옴표 \"포함\" 질문\n");
    assertThat(task.hash()).hasSize(64);
  }

  @Test
  void fewShotExamplesEndWithTheGoldChoiceAndAreTheSameForTheSameSeed() throws IOException {
    Files.writeString(dir.resolve("test.csv"), KMMLU_CSV);
    Files.writeString(dir.resolve("dev.csv"), KMMLU_CSV);
    Path file = dir.resolve("task.yaml");
    Files.writeString(file, KMMLU_YAML);
    Task a = TaskLoader.load(file, new TaskLoader.Options(2, null, null));
    Task b = TaskLoader.load(file, new TaskLoader.Options(2, null, null));
    String prompt = a.samples().get(0).prompt();
    assertThat(prompt).isEqualTo(b.samples().get(0).prompt());
    assertThat(prompt).contains("정답\uFF1A B\n\n").contains("정답\uFF1A A\n\n");
    assertThat(prompt).endsWith("D. 광주\n정답\uFF1A");
  }

  @Test
  void anAnswerOutOfRangeNamesTheFileLineAndSuggestsTheFix() throws IOException {
    String yaml = KMMLU_YAML.replace("{{answer|int - 1}}", "{{answer|int + 3}}");
    assertThatThrownBy(() -> load(yaml))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("test.csv:2")
        .hasMessageContaining("out of range for 4 choices")
        .hasMessageContaining("1-based");
  }

  @Test
  void aMissingColumnNamesTheRowAndTheColumnsItHas() throws IOException {
    String yaml = KMMLU_YAML.replace("{{question.strip()}}", "{{query}}");
    assertThatThrownBy(() -> load(yaml))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("test.csv:2")
        .hasMessageContaining("doc_to_text")
        .hasMessageContaining("question");
  }

  @Test
  void anUnknownKeyIsReportedWithItsLine() {
    String yaml = KMMLU_YAML + "num_fewshots: 5\n";
    assertThatThrownBy(() -> load(yaml))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("task.yaml")
        .hasMessageContaining("num_fewshots")
        .hasMessageContaining("spelling");
  }

  @Test
  void badValuesGetOneClearErrorEach() {
    assertThatThrownBy(() -> load(KMMLU_YAML.replace("multiple_choice", "loglikelihood_rolling")))
        .hasMessageContaining("output_type 'loglikelihood_rolling' is not supported");
    assertThatThrownBy(() -> load(KMMLU_YAML.replace("test.csv, dev", "missing.csv, dev")))
        .hasMessageContaining("dataset.files.test 'missing.csv' not found");
    assertThatThrownBy(() -> load(KMMLU_YAML + "scorer: telepathy\n"))
        .hasMessageContaining("scorer 'telepathy' is not known");
    assertThatThrownBy(() -> load(KMMLU_YAML.replace("task: t/kmmlu_like\n", "")))
        .hasMessageContaining("required field 'task'");
    assertThatThrownBy(() -> load(KMMLU_YAML.replace("{{D}}", "{{D}")))
        .hasMessageContaining("doc_to_text");
    assertThatThrownBy(() -> load("task: [unclosed"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("task.yaml");
  }

  @Test
  void aBadTaskNameOrANegativeShotCountNamesTheFileAndTheFix() {
    assertThatThrownBy(() -> load(KMMLU_YAML.replace("task: t/kmmlu_like", "task: KMMLU")))
        .isInstanceOfSatisfying(
            UserError.class,
            e -> {
              assertThat(e.message(true)).contains("task.yaml").contains("task 'KMMLU'은(는)");
              assertThat(e.message(false))
                  .contains("task.yaml")
                  .contains("task 'KMMLU' must be namespace/name in lower case, e.g. ko/kmmlu");
            });
    assertThatThrownBy(() -> load(KMMLU_YAML + "num_fewshot: -2\n"))
        .isInstanceOfSatisfying(
            UserError.class,
            e -> {
              assertThat(e.message(true)).contains("task.yaml").contains("num_fewshot -2: 0 이상");
              assertThat(e.message(false)).contains("num_fewshot -2: must be 0 or more");
            });
  }

  @Test
  void theRegistryListsBuiltInsAndRejectsDuplicatesAndUnknownNames() throws IOException {
    var registry = TaskRegistry.create(List.of());
    assertThat(registry.entries())
        .extracting(TaskRegistry.Entry::name)
        .contains("demo/ko_knowledge");
    assertThatThrownBy(() -> registry.load("demo/ko_knowlege", TaskLoader.Options.DEFAULTS))
        .hasMessageContaining("unknown task 'demo/ko_knowlege'");
    Files.writeString(dir.resolve("dup.yaml"), "task: demo/arith\n");
    assertThatThrownBy(() -> TaskRegistry.create(List.of(dir)))
        .hasMessageContaining("already defined");
  }

  @Test
  void aGroupFileWithoutTasksNamesTheFileAndTheFix() throws IOException {
    Path groups = Files.createDirectories(dir.resolve("groups"));
    Files.writeString(groups.resolve("empty.yaml"), "group: my_group\ntask: []\n");
    assertThatThrownBy(() -> TaskRegistry.create(List.of(groups)))
        .isInstanceOfSatisfying(
            UserError.class,
            e -> {
              assertThat(e.message(true)).contains("empty.yaml").contains("task가 없습니다");
              assertThat(e.message(false))
                  .contains("empty.yaml")
                  .contains("group 'my_group' has no tasks; list task, group or tag names");
            });
  }
}
