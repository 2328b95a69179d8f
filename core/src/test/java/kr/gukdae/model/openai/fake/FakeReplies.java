package kr.gukdae.model.openai.fake;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON bodies the fake answers with, shaped like OpenAI's. */
final class FakeReplies {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private FakeReplies() {}

  static byte[] error(String message, String type) {
    ObjectNode root = JSON.createObjectNode();
    root.putObject("error").put("message", message).put("type", type);
    return JSON.writeValueAsBytes(root);
  }

  static byte[] chat(String model, FakeText.Answer answer, int promptTokens) {
    ObjectNode root = head("chat.completion", model);
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", answer.text());
    choice.put("finish_reason", answer.finishReason());
    usage(root, promptTokens, answer.pieces().size());
    return JSON.writeValueAsBytes(root);
  }

  static byte[] chatChunk(String model, String piece, String finishReason) {
    ObjectNode root = head("chat.completion.chunk", model);
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("delta").put("content", piece);
    if (finishReason.isEmpty()) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return JSON.writeValueAsBytes(root);
  }

  static byte[] completionChunk(String model, String piece, String finishReason) {
    ObjectNode root = head("text_completion", model);
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0).put("text", piece);
    if (finishReason.isEmpty()) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return JSON.writeValueAsBytes(root);
  }

  /**
   * A completions answer. With {@code echo} the prompt's tokens come first, the first of them
   * without a log-prob, as OpenAI's legacy endpoint does; {@code logprobs} adds the log-prob block.
   */
  static byte[] completion(
      String model,
      String prompt,
      FakeText.Answer answer,
      boolean echo,
      boolean logprobs,
      boolean dropLogprobs) {
    ObjectNode root = head("text_completion", model);
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.put("text", echo ? prompt + answer.text() : answer.text());
    List<String> promptTokens = FakeText.tokens(prompt);
    if (logprobs && !dropLogprobs) {
      ObjectNode block = choice.putObject("logprobs");
      ArrayNode tokens = block.putArray("tokens");
      ArrayNode values = block.putArray("token_logprobs");
      ArrayNode tops = block.putArray("top_logprobs");
      ArrayNode offsets = block.putArray("text_offset");
      int at = 0;
      boolean first = true;
      if (echo) {
        for (String t : promptTokens) {
          add(tokens, values, tops, offsets, t, at, first);
          at += t.codePointCount(0, t.length());
          first = false;
        }
      }
      for (String t : answer.pieces()) {
        add(tokens, values, tops, offsets, t, at, false);
        at += t.codePointCount(0, t.length());
      }
    } else {
      choice.putNull("logprobs");
    }
    choice.put("finish_reason", answer.finishReason());
    usage(root, promptTokens.size(), answer.pieces().size());
    return JSON.writeValueAsBytes(root);
  }

  private static void add(
      ArrayNode tokens,
      ArrayNode values,
      ArrayNode tops,
      ArrayNode offsets,
      String token,
      int offset,
      boolean first) {
    tokens.add(token);
    offsets.add(offset);
    if (first) {
      values.addNull();
      tops.addNull();
      return;
    }
    double lp = FakeText.logprob(token);
    values.add(lp);
    ObjectNode top = tops.addObject();
    if (FakeText.isTop(token)) {
      top.put(token, lp);
    } else {
      top.put(FakeText.RIVAL, FakeText.RIVAL_LOGPROB);
    }
  }

  static byte[] models() {
    ObjectNode root = JSON.createObjectNode();
    root.put("object", "list");
    root.putArray("data").addObject().put("id", "fake").put("object", "model");
    return JSON.writeValueAsBytes(root);
  }

  private static ObjectNode head(String object, String model) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "fake-1");
    root.put("object", object);
    root.put("created", 0);
    root.put("model", model);
    return root;
  }

  private static void usage(ObjectNode root, int prompt, int completion) {
    root.putObject("usage")
        .put("prompt_tokens", prompt)
        .put("completion_tokens", completion)
        .put("total_tokens", prompt + completion);
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isString() ? v.asString() : "";
  }
}
