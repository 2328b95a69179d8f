package kr.gukdae.model.openai;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.List;
import kr.gukdae.model.ChatMessage;
import kr.gukdae.model.GenerateConfig;
import kr.gukdae.model.ModelOutput;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The OpenAI JSON payloads: request bodies out, strictly checked answers in. */
final class Wire {

  static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private Wire() {}

  static byte[] chatBody(
      String model, List<ChatMessage> messages, GenerateConfig config, boolean stream) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", model);
    ArrayNode list = body.putArray("messages");
    for (ChatMessage m : messages) {
      list.addObject().put("role", m.role().wireName()).put("content", m.content());
    }
    decoding(body, config, stream);
    return JSON.writeValueAsBytes(body);
  }

  static byte[] completionBody(String model, String prompt, GenerateConfig config, boolean stream) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", model);
    body.put("prompt", prompt);
    decoding(body, config, stream);
    return JSON.writeValueAsBytes(body);
  }

  private static void decoding(ObjectNode body, GenerateConfig config, boolean stream) {
    body.put("max_tokens", config.maxTokens());
    body.put("temperature", config.temperature());
    body.put("seed", config.seed());
    if (!config.stop().isEmpty()) {
      ArrayNode stop = body.putArray("stop");
      config.stop().forEach(stop::add);
    }
    if (stream) {
      body.put("stream", true);
    }
  }

  /** Echo the prompt with one log-prob (and the top alternative) per token, generating nothing. */
  static byte[] echoBody(String model, String prompt, int maxTokens) {
    // written straight out: one of these per choice makes it the commonest request body
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(prompt.length() * 3 + 128);
    try (JsonGenerator out = JSON.createGenerator(bytes)) {
      out.writeStartObject();
      out.writeStringProperty("model", model);
      out.writeStringProperty("prompt", prompt);
      out.writeNumberProperty("max_tokens", maxTokens);
      out.writeNumberProperty("temperature", 0.0);
      out.writeBooleanProperty("echo", true);
      out.writeNumberProperty("logprobs", 1);
      out.writeEndObject();
    }
    return bytes.toByteArray();
  }

  static JsonNode tree(byte[] body, URI from) {
    try {
      JsonNode root = JSON.readTree(body);
      if (root == null || !root.isObject()) {
        throw Failures.malformed(from, "expected a JSON object");
      }
      return root;
    } catch (JacksonException e) {
      throw Failures.malformed(from, "not valid JSON (" + firstLine(e.getOriginalMessage()) + ")");
    }
  }

  static JsonNode firstChoice(JsonNode root, URI from) {
    JsonNode choices = root.get("choices");
    if (choices == null || !choices.isArray() || choices.isEmpty() || !choices.get(0).isObject()) {
      throw Failures.malformed(from, "no choices[0] object");
    }
    return choices.get(0);
  }

  static ModelOutput chatOutput(byte[] body, URI from) {
    JsonNode root = tree(body, from);
    JsonNode message = firstChoice(root, from).get("message");
    if (message == null || !message.isObject()) {
      throw Failures.malformed(from, "choices[0].message is missing");
    }
    return output(root, textField(message, "content", from), from);
  }

  static ModelOutput completionOutput(byte[] body, URI from) {
    JsonNode root = tree(body, from);
    return output(root, textField(firstChoice(root, from), "text", from), from);
  }

  private static ModelOutput output(JsonNode root, String text, URI from) {
    JsonNode finish = firstChoice(root, from).get("finish_reason");
    String reason = finish != null && finish.isString() ? finish.asString() : "unknown";
    JsonNode usage = root.path("usage");
    return new ModelOutput(
        text, reason, intOr(usage.get("prompt_tokens")), intOr(usage.get("completion_tokens")));
  }

  /**
   * A text field that may be null (e.g. a refusal or a reasoning-only answer) but not another type.
   */
  static String textField(JsonNode parent, String field, URI from) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return "";
    }
    if (!node.isString()) {
      throw Failures.malformed(from, "'" + field + "' is not a string");
    }
    return node.asString();
  }

  private static int intOr(@Nullable JsonNode node) {
    return node != null && node.isIntegralNumber() && node.canConvertToInt() ? node.asInt() : -1;
  }

  /** The echoed prompt tokens of a completions answer, or null when it carries no log-probs. */
  static Logprobs.@Nullable Echo echo(byte[] body, URI from) {
    return EchoReader.read(body, from);
  }

  static String firstLine(@Nullable String s) {
    if (s == null) {
      return "parse error";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 160 ? line.substring(0, 160) + "…" : line;
  }
}
