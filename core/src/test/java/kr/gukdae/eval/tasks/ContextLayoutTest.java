package kr.gukdae.eval.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kr.gukdae.eval.Sample;
import kr.gukdae.eval.TaskState;
import kr.gukdae.model.ChatMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Where the system instruction ({@code system_prompt}), the description ({@code prompt_prefix}),
 * the examples and the question go, for every combination of chat template (gukdae's {@code
 * prompt_format: chat}) on or off, few-shot as one turn or as multi-turn, description and system
 * instruction present or absent, and 0, 2 or 3 examples (the third with an empty answer). The
 * expected contexts in {@code golden/lmeval-context-layout.json} were produced by running
 * lm-evaluation-harness's own {@code fewshot_context} on these rows (see the file's {@code
 * source}); a chat context there is lm-eval's API-model rendering, the messages as JSON.
 */
class ContextLayoutTest {

  @TempDir Path dir;

  @Test
  void everyCombinationIsLaidOutAsLmEvalLaysItOut() throws Exception {
    Files.writeString(
        dir.resolve("train.jsonl"),
        """
        {"s": "역사", "q": "세종이 만든 문자는?", "a": "한글"}
        {"s": "역사", "q": "조선의 수도는?", "a": "한양"}
        {"s": "역사", "q": "빈 답", "a": ""}
        """);
    Files.writeString(
        dir.resolve("test.jsonl"), "{\"s\": \"역사\", \"q\": \"임진왜란이 일어난 해는?\", \"a\": \"1592\"}\n");
    JsonNode golden;
    try (InputStream in =
        Objects.requireNonNull(
            getClass().getResourceAsStream("/golden/lmeval-context-layout.json"))) {
      golden = TaskLoader.JSON.readTree(in);
    }
    int checked = 0;
    for (JsonNode c : golden.path("cases")) {
      boolean chat = c.path("chat").asBoolean();
      boolean multiturn = c.path("multiturn").asBoolean();
      var yaml = new StringBuilder();
      yaml.append(
          """
          task: test/layout
          dataset:
            files: {test: test.jsonl, train: train.jsonl}
          test_split: test
          fewshot_split: train
          fewshot_sampler: first_n
          output_type: generate_until
          doc_to_text: "질문: {{q}}\\n답:"
          doc_to_target: "{{a}}"
          """);
      yaml.append("num_fewshot: ").append(c.path("shots").asInt()).append('\n');
      yaml.append("prompt_format: ").append(chat ? "chat" : "plain").append('\n');
      if (!c.path("description").isNull()) {
        yaml.append("prompt_prefix: ")
            .append(quoted(c.path("description").asString()))
            .append('\n');
      }
      if (!c.path("system").isNull()) {
        yaml.append("system_prompt: ").append(quoted(c.path("system").asString())).append('\n');
      }
      Path file = dir.resolve("layout.yaml");
      Files.writeString(file, yaml);
      // lm-eval's run flag; "false" is lm-eval's --fewshot_as_multiturn false with a chat template
      Sample sample =
          TaskLoader.load(file, new TaskLoader.Options(null, null, null, multiturn))
              .samples()
              .get(0);
      String context = c.path("context").asString();
      String label = c.toString();
      if (chat) {
        assertThat(TaskState.initial(sample).messages()).as(label).isEqualTo(messages(context));
      } else {
        assertThat(sample.turns()).as(label).isEmpty();
        assertThat(sample.prompt()).as(label).isEqualTo(context);
      }
      checked++;
    }
    assertThat(checked).isEqualTo(39);
  }

  @Test
  void whitespaceAtTheJoinLeavesTheDelimiterOut() {
    assertThat(ContextLayout.maybeDelimit("지시.", "설명", "\n\n")).isEqualTo("지시.\n\n설명");
    assertThat(ContextLayout.maybeDelimit("지시\u3000", "설명", "\n\n")).isEqualTo("지시\u3000설명");
    assertThat(ContextLayout.maybeDelimit("지시", "\u0085설명", "\n\n")).isEqualTo("지시\u0085설명");
    // U+200B is not whitespace to Python
    assertThat(ContextLayout.maybeDelimit("지시\u200b", "설명", "|")).isEqualTo("지시\u200b|설명");
    assertThat(ContextLayout.maybeDelimit(null, "설명", "|")).isEqualTo("설명");
    assertThat(ContextLayout.maybeDelimit("지시", "", "|")).isEqualTo("지시");
  }

  private static String quoted(String text) {
    return TaskLoader.JSON.writeValueAsString(text);
  }

  private static List<ChatMessage> messages(String json) {
    List<ChatMessage> out = new ArrayList<>();
    for (JsonNode m : TaskLoader.JSON.readTree(json)) {
      out.add(
          new ChatMessage(
              ChatMessage.Role.valueOf(
                  m.path("role").asString().toUpperCase(java.util.Locale.ROOT)),
              m.path("content").asString()));
    }
    return out;
  }
}
