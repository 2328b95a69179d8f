package kr.gukdae.app.arena;

import java.util.List;
import java.util.function.Consumer;
import kr.gukdae.model.ChatMessage;
import kr.gukdae.model.GenerateRequest;
import kr.gukdae.model.LoglikelihoodRequest;
import kr.gukdae.model.LoglikelihoodResult;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.ModelException;
import kr.gukdae.model.ModelInfo;
import kr.gukdae.model.ModelOutput;
import kr.gukdae.model.ModelProvider;
import kr.gukdae.model.ModelSpec;

/**
 * Test-only models ({@code scripted/NAME}): a fake at the machine's edge that streams a fixed,
 * Markdown-formatted answer word by word. {@code scripted/leaky} names its vendor; {@code
 * scripted/slow-*} pause between words; the answer echoes the turn count so multi-turn history can
 * be checked.
 */
public final class ScriptedModels implements ModelProvider {

  @Override
  public boolean local() {
    return true;
  }

  @Override
  public String id() {
    return "scripted";
  }

  @Override
  public String description() {
    return "test-only scripted models";
  }

  @Override
  public String descriptionKo() {
    return "시험용 각본 모델";
  }

  @Override
  public ModelApi open(ModelSpec spec) {
    return new Scripted(spec.fullName(), spec.model());
  }

  private record Scripted(String name, String model) implements ModelApi {

    @Override
    public ModelOutput generate(GenerateRequest request) {
      return ModelOutput.of(answer(request));
    }

    @Override
    public ModelOutput generateStreaming(GenerateRequest request, Consumer<String> onDelta) {
      String answer = answer(request);
      for (String word : answer.split("(?<= )")) {
        if (model.startsWith("slow")) {
          try {
            Thread.sleep(40);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        onDelta.accept(word);
      }
      return ModelOutput.of(answer);
    }

    private String answer(GenerateRequest request) {
      long turns =
          request.messages().stream().filter(m -> m.role() == ChatMessage.Role.USER).count();
      String last = request.messages().getLast().content();
      if (model.equals("leaky")) {
        return "As ChatGPT, trained by OpenAI, I think: " + last.length();
      }
      if (model.equals("broken")) {
        throw new ModelException(ModelException.Kind.FATAL, "scripted/broken endpoint refused");
      }
      int variant = model.contains("alpha") ? 0 : model.contains("beta") ? 1 : 2;
      return switch (variant) {
        case 0 ->
            "**Answer** (turn " + turns + "): the prompt had " + last.length() + " characters.";
        case 1 -> "- point one for turn " + turns + "\n- point two\n\n`code` and *style*";
        default -> "# Heading\n\nTurn " + turns + " reply with a [link](https://example.org).";
      };
    }

    @Override
    public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> requests) {
      throw new ModelException(ModelException.Kind.UNSUPPORTED, "scripted models do not score");
    }

    @Override
    public ModelInfo info() {
      return new ModelInfo(name, "scripted", "in-process", true);
    }
  }
}
