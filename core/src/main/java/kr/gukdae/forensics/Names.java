package kr.gukdae.forensics;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings tensor names of common architectures (Llama, GPT-2, GPT-NeoX, Falcon, Mistral/Meta
 * originals, LLaVA/Qwen-VL style vision towers, PEFT wrappers) to one vocabulary, and names the
 * component a tensor belongs to.
 */
final class Names {

  private record Rule(Pattern pattern, String replacement) {}

  private static final List<String> PREFIXES =
      List.of(
          "base_model.model.",
          "model.language_model.",
          "language_model.model.",
          "language_model.",
          "transformer.",
          "gpt_neox.",
          "model.");

  private static final List<Rule> RULES =
      List.of(
          rule(
              "^(vision_tower|vision_model|visual|vit|image_encoder)\\.(vision_model\\.)?",
              "vision."),
          rule(
              "^(multi_modal_projector|mm_projector|visual\\.merger|connector|projector)\\.",
              "projector."),
          rule("\\.(h|blocks|block|layer|layers)\\.(\\d+)\\.", ".layers.$2."),
          rule("^(h|blocks|block|layer)\\.(\\d+)\\.", "layers.$2."),
          rule("(^|\\.)(wte|word_embeddings|tok_embeddings|embed_in)\\.", "$1embed_tokens."),
          rule("^(output|embed_out)\\.weight$", "lm_head.weight"),
          rule("^(ln_f|final_layernorm|norm_f)\\.", "norm."),
          rule("\\.(attention|attn)\\.", ".self_attn."),
          rule("\\.wq\\.", ".q_proj."),
          rule("\\.wk\\.", ".k_proj."),
          rule("\\.wv\\.", ".v_proj."),
          rule("\\.wo\\.", ".o_proj."),
          rule("\\.feed_forward\\.", ".mlp."),
          rule("\\.mlp\\.w1\\.", ".mlp.gate_proj."),
          rule("\\.mlp\\.w3\\.", ".mlp.up_proj."),
          rule("\\.mlp\\.w2\\.", ".mlp.down_proj."),
          rule("\\.(attention_norm|ln_1)\\.", ".input_layernorm."),
          rule("\\.(ffn_norm|ln_2)\\.", ".post_attention_layernorm."));

  private static final Pattern LAYER = Pattern.compile("(^|\\.)layers\\.(\\d+)\\.");

  private Names() {}

  private static Rule rule(String regex, String replacement) {
    return new Rule(Pattern.compile(regex), replacement);
  }

  static String normalize(String name) {
    String n = name;
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      for (String prefix : PREFIXES) {
        if (n.startsWith(prefix)) {
          n = n.substring(prefix.length());
          stripped = true;
        }
      }
    }
    for (Rule r : RULES) {
      n = r.pattern().matcher(n).replaceAll(r.replacement());
    }
    return n;
  }

  /** Norm-type vectors: judged on their deviation from 1, never on raw cosine. */
  static boolean isNorm(String normalized, long[] shape) {
    String leaf = normalized.toLowerCase(java.util.Locale.ROOT);
    return shape.length == 1
        && !leaf.endsWith("bias")
        && (leaf.contains("norm") || leaf.contains("ln_") || leaf.matches(".*\\bln\\d*\\b.*"));
  }

  /**
   * The component for summaries: embeddings, head, final_norm, vision_encoder, projector,
   * block.N.attention / block.N.mlp / block.N.norm, or other.
   */
  static String component(String normalized, long[] shape) {
    if (normalized.startsWith("vision.")) {
      return "vision_encoder";
    }
    if (normalized.startsWith("projector.")) {
      return "projector";
    }
    if (normalized.contains("embed_tokens")) {
      return "embeddings";
    }
    if (normalized.startsWith("lm_head")) {
      return "head";
    }
    Matcher m = LAYER.matcher(normalized);
    if (m.find()) {
      String block = "block." + m.group(2);
      if (isNorm(normalized, shape)) {
        return block + ".norm";
      }
      if (normalized.contains("self_attn")) {
        return block + ".attention";
      }
      if (normalized.contains("mlp")) {
        return block + ".mlp";
      }
      return block;
    }
    if (normalized.startsWith("norm.") || isNorm(normalized, shape)) {
      return "final_norm";
    }
    return "other";
  }

  /** The unit a verdict names: a whole block ("block.3"), or the component itself. */
  static String group(String component) {
    if (component.startsWith("block.")) {
      int second = component.indexOf('.', "block.".length());
      return second < 0 ? component : component.substring(0, second);
    }
    return component;
  }

  /** Sort key that keeps layer order (block.2 before block.10) when pairing tensors by shape. */
  static String orderKey(String normalized) {
    return LAYER
        .matcher(normalized)
        .replaceAll(r ->
            r.group(1) + "layers." + String.format("%06d", Integer.parseInt(r.group(2))) + ".");
  }
}
