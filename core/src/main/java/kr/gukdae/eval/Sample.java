package kr.gukdae.eval;

import java.util.List;
import java.util.Objects;
import kr.gukdae.dataset.Row;
import kr.gukdae.model.ChatMessage;
import org.jspecify.annotations.Nullable;

/**
 * One evaluation item, already rendered from its dataset row.
 *
 * @param docId position in the evaluated split (lm-evaluation-harness's {@code doc_id})
 * @param prompt the full prompt text, few-shot examples included
 * @param choices answer options for multiple choice; empty for free generation
 * @param target the gold answer: the correct choice's index as a string for multiple choice,
 *     otherwise the reference text
 * @param category a grouping label for per-category metrics, or null
 * @param doc the source row, kept for the per-sample log
 * @param turns chat messages before the prompt: the system instruction and few-shot examples as
 *     alternating user and assistant turns (lm-eval's {@code fewshot_as_multiturn}); empty when the
 *     examples are part of {@code prompt}
 */
public record Sample(
    int docId,
    String prompt,
    List<String> choices,
    String target,
    @Nullable String category,
    Row doc,
    List<ChatMessage> turns) {

  public Sample {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(doc, "doc");
    choices = List.copyOf(choices);
    turns = List.copyOf(turns);
  }

  /** A sample whose few-shot examples, if any, are in its prompt. */
  public Sample(
      int docId,
      String prompt,
      List<String> choices,
      String target,
      @Nullable String category,
      Row doc) {
    this(docId, prompt, choices, target, category, doc, List.of());
  }

  /** The gold choice index for multiple-choice samples. */
  public int targetIndex() {
    return Integer.parseInt(target);
  }

  public boolean isMultipleChoice() {
    return !choices.isEmpty();
  }
}
