package kr.gukdae.eval;

import java.util.ArrayList;
import java.util.List;
import kr.gukdae.model.ChatMessage;
import kr.gukdae.model.GenerateConfig;
import kr.gukdae.model.GenerateRequest;
import kr.gukdae.model.LoglikelihoodRequest;
import kr.gukdae.model.LoglikelihoodResult;
import kr.gukdae.model.ModelOutput;
import kr.gukdae.model.PromptFormat;

/** The built-in solvers. */
public final class Solvers {

  private Solvers() {}

  /** Asks the model for an answer to the conversation so far. */
  public static Solver generate(GenerateConfig config, PromptFormat format) {
    return (state, model) -> {
      var request = new GenerateRequest(state.messages(), config, format);
      ModelOutput output = model.generate(request);
      // lm-eval records a chat request (its chat template on an API model) as the messages' JSON
      String prompt =
          format == PromptFormat.PLAIN ? request.plainText() : chatJson(state.messages());
      var call =
          new ModelCall(
              "generate_until",
              List.of(List.of(prompt, "until=" + config.stop() + ",max=" + config.maxTokens())),
              List.of(output.text()));
      return state.withOutput(output, call);
    };
  }

  /**
   * Scores each choice by log P(delimiter + choice | prompt), as lm-evaluation-harness does for
   * {@code multiple_choice}; the prompt is the sample's rendered text, sent as plain text.
   */
  public static Solver multipleChoiceLoglikelihood(String targetDelimiter) {
    return (state, model) -> {
      Sample sample = state.sample();
      List<LoglikelihoodRequest> requests = new ArrayList<>();
      List<List<String>> arguments = new ArrayList<>();
      for (String choice : sample.choices()) {
        String continuation = targetDelimiter + choice;
        requests.add(new LoglikelihoodRequest(sample.prompt(), continuation));
        arguments.add(List.of(sample.prompt(), continuation));
      }
      List<LoglikelihoodResult> results = model.loglikelihood(requests);
      if (results.size() != requests.size()) {
        throw new IllegalStateException(
            "bug: model adapter "
                + model.name()
                + " returned "
                + results.size()
                + " log-likelihoods for "
                + requests.size());
      }
      List<String> responses = results.stream().map(r -> r.logprob() + "," + r.greedy()).toList();
      return state.withChoiceLogprobs(
          results, new ModelCall("loglikelihood", arguments, responses));
    };
  }

  /**
   * A conversation as lm-eval records a chat request's context: Python's {@code
   * json.dumps(messages, ensure_ascii=False)} of {@code [{"role": …, "content": …}, …]}.
   */
  static String chatJson(List<ChatMessage> messages) {
    StringBuilder out = new StringBuilder("[");
    for (ChatMessage message : messages) {
      out.append(out.length() == 1 ? "" : ", ").append("{\"role\": ");
      PythonText.jsonString(message.role().name().toLowerCase(java.util.Locale.ROOT), out);
      out.append(", \"content\": ");
      PythonText.jsonString(message.content(), out);
      out.append('}');
    }
    return out.append(']').toString();
  }
}
