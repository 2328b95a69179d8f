package kr.gukdae.eval.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kr.gukdae.UserError;
import kr.gukdae.eval.Task;
import kr.gukdae.eval.TaskState;
import kr.gukdae.eval.run.EvalRunner;
import kr.gukdae.eval.run.ProgressListener;
import kr.gukdae.eval.run.RunOptions;
import kr.gukdae.model.ChatMessage;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.ModelSpec;
import kr.gukdae.model.Models;
import kr.gukdae.model.openai.fake.FakeOpenAiServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lm-eval's {@code fewshot_as_multiturn} with a chat template: the system instruction and the
 * description in one system message (joined by the few-shot delimiter), each example's text as a
 * user turn and its answer, without delimiters, as an assistant turn, then the question. Golden
 * values written from lm-eval's documented behaviour.
 */
class FewshotMultiturnTest {

  @TempDir Path dir;

  @BeforeEach
  void files() throws Exception {
    Files.writeString(
        dir.resolve("train.jsonl"),
        """
        {"subject": "역사", "q": "세종이 만든 문자는?", "a": "한글"}
        {"subject": "역사", "q": "조선의 수도는?", "a": "한양"}
        {"subject": "역사", "q": "고려를 세운 사람은?", "a": "왕건"}
        """);
    Files.writeString(
        dir.resolve("test.jsonl"),
        """
        {"subject": "역사", "q": "임진왜란이 일어난 해는?", "a": "1592"}
        """);
  }

  private Path task(String extra) throws Exception {
    Path file = dir.resolve("t.yaml");
    Files.writeString(
        file,
        """
        task: test/t
        dataset:
          files: {test: test.jsonl, train: train.jsonl}
        test_split: test
        fewshot_split: train
        num_fewshot: 2
        fewshot_sampler: first_n
        prompt_prefix: "다음은 {{subject}}에 관한 문제입니다."
        doc_to_text: "질문: {{q}}\\n답:"
        doc_to_target: "{{a}}"
        """
                .replace("{{a}}", extra.contains("multiple_choice") ? "{{q}}" : "{{a}}")
            + extra);
    return file;
  }

  private static final List<ChatMessage> GOLDEN =
      List.of(
          ChatMessage.system("정확히 답하십시오.\n\n다음은 역사에 관한 문제입니다."),
          ChatMessage.user("질문: 세종이 만든 문자는?\n답:"),
          ChatMessage.assistant("한글"),
          ChatMessage.user("질문: 조선의 수도는?\n답:"),
          ChatMessage.assistant("한양"),
          ChatMessage.user("질문: 임진왜란이 일어난 해는?\n답:"));

  private static final String GOLDEN_JSON =
      "[{\"role\": \"system\", \"content\": \"정확히 답하십시오.\\n\\n다음은 역사에 관한 문제입니다.\"},"
          + " {\"role\": \"user\", \"content\": \"질문: 세종이 만든 문자는?\\n답:\"},"
          + " {\"role\": \"assistant\", \"content\": \"한글\"},"
          + " {\"role\": \"user\", \"content\": \"질문: 조선의 수도는?\\n답:\"},"
          + " {\"role\": \"assistant\", \"content\": \"한양\"},"
          + " {\"role\": \"user\", \"content\": \"질문: 임진왜란이 일어난 해는?\\n답:\"}]";

  @Test
  void examplesBecomeAlternatingTurnsAfterOneSystemMessage() throws Exception {
    Task task =
        TaskLoader.load(
            task(
                """
                output_type: generate_until
                prompt_format: chat
                system_prompt: "정확히 답하십시오."
                fewshot_as_multiturn: true
                """),
            TaskLoader.Options.DEFAULTS);
    assertThat(TaskState.initial(task.samples().get(0)).messages()).isEqualTo(GOLDEN);
    // The system instruction is in the turns, not added a second time by a solver.
    assertThat(task.solvers()).hasSize(1);
  }

  @Test
  void withoutTheFlagTheExamplesAreOneUserMessageAfterTheSystemMessage() throws Exception {
    Task task =
        TaskLoader.load(
            task("output_type: generate_until\nprompt_format: chat\n"),
            TaskLoader.Options.DEFAULTS);
    // lm-eval's multiturn_to_singleturn: the description stays in the system message
    assertThat(TaskState.initial(task.samples().get(0)).messages())
        .containsExactly(
            ChatMessage.system("다음은 역사에 관한 문제입니다."),
            ChatMessage.user(
                "질문: 세종이 만든 문자는?\n답: 한글\n\n" + "질문: 조선의 수도는?\n답: 한양\n\n질문: 임진왜란이 일어난 해는?\n답:"));
  }

  @Test
  void theRunFlagTurnsAPlainGenerationTaskToChatAndIsRecordedAsLmEvalDoes() throws Exception {
    Path file = task("output_type: generate_until\nsystem_prompt: \"정확히 답하십시오.\"\n");
    Task task = TaskLoader.load(file, new TaskLoader.Options(null, null, null, true));
    assertThat(TaskState.initial(task.samples().get(0)).messages()).isEqualTo(GOLDEN);
    try (var server = FakeOpenAiServer.start();
        ModelApi model =
            Models.open(ModelSpec.parse("openai/fake").withBaseUrl(server.baseUrl()))) {
      var outcome =
          EvalRunner.run(
              List.of(task),
              model,
              new RunOptions(dir.resolve("runs"), "mt", null, null, 1, false),
              null,
              ProgressListener.NONE);
      assertThat(outcome.errors()).isZero();
      assertThat(server.requests("fake")).isEqualTo(1);
    }
    assertThat(
            TaskLoader.JSON
                .readTree(dir.resolve("runs/mt/results.json").toFile())
                .path("fewshot_as_multiturn")
                .asBoolean())
        .isTrue();
    try (Stream<String> lines = Files.lines(dir.resolve("runs/mt/samples_test_t.jsonl"))) {
      var line = TaskLoader.JSON.readTree(lines.findFirst().orElseThrow());
      String arg0 = line.path("arguments").path("gen_args_0").path("arg_0").asString();
      assertThat(arg0).isEqualTo(GOLDEN_JSON);
      // lm-eval's prompt_hash is the hash of that context, the messages' JSON
      var sha = java.security.MessageDigest.getInstance("SHA-256");
      assertThat(line.path("prompt_hash").asString())
          .isEqualTo(
              java.util.HexFormat.of()
                  .formatHex(
                      sha.digest(GOLDEN_JSON.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }
  }

  @Test
  void aLogLikelihoodTaskCannotAskForTurns() throws Exception {
    Path file =
        task(
            """
            output_type: multiple_choice
            doc_to_choice: "{{[q, '모름']}}"
            fewshot_as_multiturn: true
            """);
    assertThatThrownBy(() -> TaskLoader.load(file, TaskLoader.Options.DEFAULTS))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("fewshot_as_multiturn needs a generation task");
    // the run-wide flag leaves such tasks as one text
    Task task = TaskLoader.load(file, new TaskLoader.Options(null, null, null, true));
    assertThat(task.samples().get(0).turns()).isEmpty();
  }
}
