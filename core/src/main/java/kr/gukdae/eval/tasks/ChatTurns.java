package kr.gukdae.eval.tasks;

import kr.gukdae.UserError;
import kr.gukdae.eval.OutputType;
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
}
