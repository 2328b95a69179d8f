package kr.gukdae.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kr.gukdae.model.ChatMessage;
import kr.gukdae.model.LoglikelihoodResult;
import kr.gukdae.model.ModelOutput;
import org.jspecify.annotations.Nullable;

/**
 * What solvers build up for one sample: the conversation, the model's output, and for
 * log-likelihood tasks one result per choice. Immutable; solvers return a changed copy.
 */
public record TaskState(
    Sample sample,
    List<ChatMessage> messages,
    @Nullable ModelOutput output,
    List<LoglikelihoodResult> choiceLogprobs,
    List<ModelCall> calls) {

  public TaskState {
    Objects.requireNonNull(sample, "sample");
    messages = List.copyOf(messages);
    choiceLogprobs = List.copyOf(choiceLogprobs);
    calls = List.copyOf(calls);
  }

  /** The sample's turns (system, few-shot examples), then its prompt as the user's message. */
  public static TaskState initial(Sample sample) {
    List<ChatMessage> messages = new ArrayList<>(sample.turns());
    messages.add(ChatMessage.user(sample.prompt()));
    return new TaskState(sample, messages, null, List.of(), List.of());
  }

  /** The final answer text, or "" before any generation. */
  public String completion() {
    return output == null ? "" : output.text();
  }

  public TaskState withMessages(List<ChatMessage> value) {
    return new TaskState(sample, value, output, choiceLogprobs, calls);
  }

  public TaskState withOutput(ModelOutput value, ModelCall call) {
    List<ChatMessage> next = new ArrayList<>(messages);
    next.add(ChatMessage.assistant(value.text()));
    return new TaskState(sample, next, value, choiceLogprobs, append(call));
  }

  public TaskState withChoiceLogprobs(List<LoglikelihoodResult> value, ModelCall call) {
    return new TaskState(sample, messages, output, value, append(call));
  }

  private List<ModelCall> append(ModelCall call) {
    List<ModelCall> next = new ArrayList<>(calls);
    next.add(call);
    return next;
  }
}
