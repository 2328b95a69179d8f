package kr.gukdae.app.eval;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reading the text fields of a samples line, whichever writer (gukdae's, lm-eval's) made it. */
final class SampleText {

  private SampleText() {}

  /**
   * The first scalar inside: gukdae writes a request's arguments as lists, lm-eval as {@code
   * {gen_args_0: {arg_0: prompt, ...}}}; the prompt is the first either way.
   */
  static JsonNode first(JsonNode n) {
    JsonNode at = n;
    while ((at.isArray() || at.isObject()) && !at.isEmpty()) {
      at = at.isArray() ? at.get(0) : at.values().iterator().next();
    }
    return at;
  }

  static @Nullable String text(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? null : n.isString() ? n.asString() : n.toString();
  }
}
