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
      throw UserError.of(
          where + ": fewshot_as_multiturn은 생성(generation) 태스크에만 쓸 수 있습니다. 로그 우도 요청은 하나의 텍스트입니다",
          where
              + ": fewshot_as_multiturn needs a generation task; log-likelihood requests are"
              + " one text");
    }
    if (options.fewshotAsMultiturn() == null && format != PromptFormat.CHAT) {
      throw UserError.of(
          where
              + ": 태스크 파일의 fewshot_as_multiturn에는 prompt_format: chat이 필요합니다 (또는 생성 태스크를 chat으로 바꾸는 --fewshot-as-multiturn으로 실행하세요)",
          where
              + ": fewshot_as_multiturn in a task file needs prompt_format: chat (or run with"
              + " --fewshot-as-multiturn, which turns generation tasks to chat)");
    }
    return true;
  }
}
