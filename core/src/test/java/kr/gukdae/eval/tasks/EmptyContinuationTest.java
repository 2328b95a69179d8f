package kr.gukdae.eval.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import kr.gukdae.UserError;
import kr.gukdae.eval.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multiple-choice choice is scored as log P(target_delimiter + choice | prompt): with {@code
 * target_delimiter: ""} an empty choice (or an empty answer that picks it) leaves nothing to score,
 * so the task file is refused when it is loaded, naming the file, the document and the choice.
 */
class EmptyContinuationTest {

  @TempDir Path dir;

  private Task load(String delimiter, String jsonl) throws Exception {
    Files.writeString(dir.resolve("test.jsonl"), jsonl);
    Path file = dir.resolve("blank.yaml");
    Files.writeString(
        file,
        """
        task: t/blank
        dataset:
          files: {test: test.jsonl}
        output_type: multiple_choice
        doc_to_text: "{{q}}"
        doc_to_choice: opts
        doc_to_target: gold
        """
            + (delimiter == null ? "" : "target_delimiter: \"" + delimiter + "\"\n"));
    return TaskLoader.load(file, TaskLoader.Options.DEFAULTS);
  }

  private static final String EMPTY_SECOND_CHOICE =
      """
      {"q": "하늘은?", "opts": ["파랗다", "초록"], "gold": 0}
      {"q": "빈칸?", "opts": ["예", ""], "gold": 0}
      """;

  @Test
  void anEmptyChoiceWithAnEmptyDelimiterIsRefusedNamingFileDocumentAndChoice() {
    assertThatThrownBy(() -> load("", EMPTY_SECOND_CHOICE))
        .isInstanceOf(UserError.class)
        .satisfies(e -> {
          UserError error = (UserError) e;
          String korean = error.message(true);
          String english = error.message(false);
          assertThat(korean)
              .contains("blank.yaml", "test.jsonl:2", "target_delimiter", "doc_to_choice", "선택지 1번")
              .doesNotContain("doc_to_target의 정답");
          assertThat(english)
              .contains("blank.yaml", "test.jsonl:2", "target_delimiter is ''", "choice 1")
              .contains("non-empty target_delimiter")
              .doesNotContain("doc_to_target");
        });
  }

  @Test
  void anEmptyAnswerThatPicksTheEmptyChoiceSaysItIsTheGold() {
    String jsonl =
        """
        {"q": "빈칸?", "opts": ["", "아니오"], "gold": ""}
        """;
    assertThatThrownBy(() -> load("", jsonl))
        .isInstanceOf(UserError.class)
        .satisfies(e -> {
          UserError error = (UserError) e;
          assertThat(error.message(true)).contains("test.jsonl:1", "선택지 0번", "doc_to_target의 정답");
          assertThat(error.message(false)).contains("choice 0", "doc_to_target's answer");
        });
  }

  @Test
  void theSameChoicesLoadWithADelimiter() throws Exception {
    // lm-eval's default " " makes the continuation " " (one space), which a model can score
    Task spaced = load(null, EMPTY_SECOND_CHOICE);
    assertThat(spaced.samples().get(1).choices()).containsExactly("예", "");
    Task joined =
        load(
            "",
            """
            {"q": "하늘은?", "opts": ["파랗다", "초록"], "gold": 1}
            """);
    assertThat(joined.samples()).hasSize(1);
  }
}
