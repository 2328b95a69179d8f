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
 * @param targets every gold answer when the task's {@code doc_to_target} gives a list (lm-eval's
 *     multiple targets: choice indices as strings for multiple choice, reference texts otherwise),
 *     any of which counts; {@code target} is then the first. Empty for one target.
 */
public record Sample(
    int docId,
    String prompt,
    List<String> choices,
    String target,
    @Nullable String category,
    Row doc,
    List<ChatMessage> turns,
    List<String> targets) {

  public Sample {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(doc, "doc");
    choices = List.copyOf(choices);
    turns = List.copyOf(turns);
    targets = List.copyOf(targets);
    if (!targets.isEmpty() && !targets.get(0).equals(target)) {
      // the renderer makes target from targets; input cannot set them apart
      throw new IllegalArgumentException("bug: target must be the first of targets");
    }
  }

  /** One gold answer, with {@code turns} before the prompt. */
  public Sample(
      int docId,
      String prompt,
      List<String> choices,
      String target,
      @Nullable String category,
      Row doc,
      List<ChatMessage> turns) {
    this(docId, prompt, choices, target, category, doc, turns, List.of());
  }

  /** The gold answers: {@code targets}, or the one {@code target}. */
  public List<String> golds() {
    return targets.isEmpty() ? List.of(target) : targets;
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
