package kr.gukdae.eval.tasks;

import java.util.ArrayList;
import java.util.List;
import kr.gukdae.eval.PythonText;
import kr.gukdae.model.ChatMessage;
import org.jspecify.annotations.Nullable;

/**
 * Where the system instruction, the description, the examples and the question go, as
 * lm-evaluation-harness's {@code fewshot_context} puts them (read from {@code lm_eval/api/task.py}
 * and {@code lm_eval/api/utils.py}, commit 4e7e0d47f):
 *
 * <ul>
 *   <li>The system text is the system instruction and the description joined by the few-shot
 *       delimiter, which is left out when either side already has whitespace at the join ({@code
 *       maybe_delimit}); either alone is itself.
 *   <li>Without a chat template (plain text, and every log-likelihood request) the system text, the
 *       examples and the question are one text with nothing between the system text and what
 *       follows.
 *   <li>With a chat template the system text is a system message (none when empty). Few-shot as one
 *       turn ({@code multiturn_to_singleturn}): the examples and the question are one user message.
 *       As multi-turn: each example's text is a user turn and its answer an assistant turn, without
 *       delimiters (an example without an answer is a user turn alone), then the question.
 * </ul>
 *
 * @param turns the messages before the question's user message
 * @param prompt the text of the question's user message (or the whole text without chat)
 */
record ContextLayout(List<ChatMessage> turns, String prompt) {

  ContextLayout {
    turns = List.copyOf(turns);
  }

  /** The three ways a request is laid out. */
  enum Mode {
    TEXT,
    CHAT_ONE_TURN,
    CHAT_MULTITURN
  }

  static ContextLayout of(
      Mode mode,
      @Nullable String instruction,
      String description,
      List<Shot> shots,
      String question,
      String targetDelimiter,
      String fewshotDelimiter) {
    String system = maybeDelimit(instruction, description, fewshotDelimiter);
    List<ChatMessage> turns = new ArrayList<>();
    if (mode == Mode.TEXT) {
      return new ContextLayout(
          turns, system + examplesText(shots, targetDelimiter, fewshotDelimiter) + question);
    }
    if (!system.isEmpty()) {
      turns.add(ChatMessage.system(system));
    }
    if (mode == Mode.CHAT_ONE_TURN) {
      return new ContextLayout(
          turns, examplesText(shots, targetDelimiter, fewshotDelimiter) + question);
    }
    for (Shot shot : shots) {
      turns.add(ChatMessage.user(shot.text()));
      if (shot.answer() != null) {
        turns.add(ChatMessage.assistant(shot.answer()));
      }
    }
    return new ContextLayout(turns, question);
  }

  /**
   * Each example as text, target delimiter, answer, few-shot delimiter; without an answer, text.
   */
  private static String examplesText(
      List<Shot> shots, String targetDelimiter, String fewshotDelimiter) {
    var out = new StringBuilder();
    for (Shot shot : shots) {
      out.append(shot.text());
      if (shot.answer() != null) {
        out.append(targetDelimiter).append(shot.answer()).append(fewshotDelimiter);
      }
    }
    return out.toString();
  }

  /**
   * lm-eval's {@code maybe_delimit}: the two joined by the delimiter unless the first ends or the
   * second starts with whitespace (Python's {@code isspace}); an empty or missing side gives the
   * other.
   */
  static String maybeDelimit(@Nullable String prefix, @Nullable String suffix, String delimiter) {
    if (prefix == null || prefix.isEmpty()) {
      return suffix == null ? "" : suffix;
    }
    if (suffix == null || suffix.isEmpty()) {
      return prefix;
    }
    boolean spaceAtJoin =
        PythonText.isSpace(prefix.codePointBefore(prefix.length()))
            || PythonText.isSpace(suffix.codePointAt(0));
    return spaceAtJoin ? prefix + suffix : prefix + delimiter + suffix;
  }
}
