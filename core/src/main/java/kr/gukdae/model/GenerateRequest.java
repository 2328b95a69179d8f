package kr.gukdae.model;

import java.util.List;
import java.util.stream.Collectors;

/** A request for one generated answer. */
public record GenerateRequest(
    List<ChatMessage> messages, GenerateConfig config, PromptFormat format) {

  public GenerateRequest {
    messages = List.copyOf(messages);
    if (messages.isEmpty()) {
      // every caller ends the conversation with the user's turn (TaskState, arena, judges)
      throw new IllegalArgumentException("bug: a generate request needs at least one message");
    }
  }

  public static GenerateRequest chat(List<ChatMessage> messages, GenerateConfig config) {
    return new GenerateRequest(messages, config, PromptFormat.CHAT);
  }

  /** The conversation as one plain-text prompt (the {@link PromptFormat#PLAIN} rendering). */
  public String plainText() {
    return messages.stream().map(ChatMessage::content).collect(Collectors.joining("\n\n"));
  }
}
