package kr.gukdae.eval.tasks;

import java.util.ArrayList;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.dataset.Row;
import kr.gukdae.eval.OutputType;
import kr.gukdae.model.ChatMessage;
import kr.gukdae.model.PromptFormat;

/** lm-eval's {@code fewshot_as_multiturn}: whether a task sends chat turns, and which. */
final class ChatTurns {

  private ChatTurns() {}

  /**
   * The run's {@code --fewshot-as-multiturn} (which turns generation tasks to chat, as lm-eval's
   * implies its chat template), else the task file's, which needs {@code prompt_format: chat}.
   */
  static boolean multiturn(
      String where,
      TaskDefinition def,
      TaskLoader.Options options,
      OutputType type,
      PromptFormat format) {
    Boolean chosen =
        options.fewshotAsMultiturn() != null
            ? options.fewshotAsMultiturn()
            : def.fewshotAsMultiturn();
    if (!Boolean.TRUE.equals(chosen)) {
      return false;
    }
    if (type == OutputType.MULTIPLE_CHOICE) {
      if (options.fewshotAsMultiturn() != null) {
        return false; // a run-wide flag leaves log-likelihood tasks as they are
      }
      throw new UserError(
          where
              + ": fewshot_as_multiturn needs a generation task; log-likelihood requests are"
              + " one text");
    }
    if (options.fewshotAsMultiturn() == null && format != PromptFormat.CHAT) {
      throw new UserError(
          where
              + ": fewshot_as_multiturn in a task file needs prompt_format: chat (or run with"
              + " --fewshot-as-multiturn, which turns generation tasks to chat)");
    }
    return true;
  }

  /**
   * lm-eval's chat context: one system message holding the system instruction and the description
   * (joined by the few-shot delimiter when both are given), then the examples' turns.
   */
  static List<ChatMessage> turns(
      TaskDefinition def, Row row, List<ChatMessage> examples, String fewshotDelimiter) {
    String description =
        def.promptPrefix() == null
            ? ""
            : Templates.render(def.promptPrefix(), row, "prompt_prefix");
    String instruction = def.systemPrompt();
    String system =
        instruction != null && !description.isEmpty()
            ? instruction + fewshotDelimiter + description
            : instruction != null ? instruction : description;
    List<ChatMessage> turns = new ArrayList<>();
    if (!system.isEmpty()) {
      turns.add(ChatMessage.system(system));
    }
    turns.addAll(examples);
    return turns;
  }
}
