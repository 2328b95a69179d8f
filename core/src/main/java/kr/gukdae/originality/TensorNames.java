package kr.gukdae.originality;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings tensor names of common architectures (Llama, GPT-2, GPT-NeoX, Falcon, Mistral/Meta
 * originals, LLaVA/Qwen-VL style vision towers, PEFT wrappers) to one vocabulary, and names the
 * component a tensor belongs to.
 */
final class TensorNames {

  private record Rule(Pattern pattern, String replacement) {}

  private static final List<String> PREFIXES =
      List.of(
          "base_model.model.",
          "model.language_model.",
          "language_model.model.",
          "language_model.",
          "transformer.",
          "gpt_neox.",
          "bert.",
          "roberta.",
          "xlm_roberta.",
          "electra.",
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
          rule("\\.block_sparse_moe\\.", ".mlp."),
          rule("\\.experts\\.(\\d+)\\.w1\\.", ".experts.$1.gate_proj."),
          rule("\\.experts\\.(\\d+)\\.w3\\.", ".experts.$1.up_proj."),
          rule("\\.experts\\.(\\d+)\\.w2\\.", ".experts.$1.down_proj."),
          rule("\\.mlp\\.w1\\.", ".mlp.gate_proj."),
          rule("\\.mlp\\.w3\\.", ".mlp.up_proj."),
          rule("\\.mlp\\.w2\\.", ".mlp.down_proj."),
          rule("\\.(attention_norm|ln_1)\\.", ".input_layernorm."),
          rule("\\.(ffn_norm|ln_2)\\.", ".post_attention_layernorm."));

  private static final Pattern LAYER = Pattern.compile("(^|\\.)layers\\.(\\d+)\\.");

  private TensorNames() {}

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

  private static final Pattern EXPERT = Pattern.compile("\\.experts\\.(\\d+)\\.");

  /**
   * The component for summaries: embeddings (BERT's position/type embeddings and their LayerNorm
   * included), head (also BERT's {@code cls.*}), pooler, final_norm, projector, vision_encoder
   * (with {@code .embeddings}, {@code .block.N}, {@code .post_norm}, {@code .head} inside),
   * block.N.attention / .mlp / .norm / .router / .shared_expert / .expert.E (MoE), or other.
   */
  static String component(String normalized, long[] shape) {
    if (normalized.startsWith("vision.")) {
      String inner = component(normalized.substring("vision.".length()), shape);
      return "vision_encoder."
          + (inner.startsWith("block.")
              ? group(inner)
              : inner.equals("final_norm") ? "post_norm" : inner);
    }
    if (normalized.startsWith("projector.")) {
      return "projector";
    }
    if (normalized.startsWith("embeddings.") || normalized.contains("embed_tokens")) {
      return "embeddings";
    }
    if (normalized.startsWith("lm_head") || normalized.startsWith("cls.")) {
      return "head";
    }
    if (normalized.startsWith("pooler.")) {
      return "pooler";
    }
    Matcher m = LAYER.matcher(normalized);
    if (m.find()) {
      String block = "block." + m.group(2);
      Matcher e = EXPERT.matcher(normalized);
      if (e.find()) {
        return block + ".expert." + e.group(1);
      }
      if (isNorm(normalized, shape)) {
        return block + ".norm";
      }
      if (normalized.contains("shared_expert")) {
        return block + ".shared_expert";
      }
      if (normalized.contains("mlp.gate.") || normalized.contains(".router.")) {
        return block + ".router";
      }
      if (normalized.contains("self_attn")) {
        return block + ".attention";
      }
      if (normalized.contains("mlp")
          || normalized.contains("intermediate.")
          || normalized.contains(".output.dense.")) {
        return block + ".mlp";
      }
      return block;
    }
    if (normalized.startsWith("norm.") || isNorm(normalized, shape)) {
      return "final_norm";
    }
    if (normalized.startsWith("head.")) {
      return "head";
    }
    return "other";
  }

  /** Component names for a verdict, runs of whole blocks shortened: block.0–6, embeddings. */
  static String list(List<String> components) {
    List<String> out = new java.util.ArrayList<>();
    int start = -1;
    int last = -2;
    for (String c : components) {
      Matcher m = WHOLE_BLOCK.matcher(c);
      int n = m.matches() ? Integer.parseInt(m.group(1)) : -1;
      if (n >= 0 && n == last + 1 && start >= 0) {
        last = n;
        continue;
      }
      if (start >= 0) {
        out.add(start == last ? "block." + start : "block." + start + "–" + last);
      }
      start = n;
      last = n;
      if (n < 0) {
        out.add(c);
      }
    }
    if (start >= 0) {
      out.add(start == last ? "block." + start : "block." + start + "–" + last);
    }
    return String.join(", ", out);
  }

  private static final Pattern WHOLE_BLOCK = Pattern.compile("^block\\.(\\d+)$");

  /** Components inside repeated blocks: the body of a transformer, language or vision. */
  static boolean inBlock(String component) {
    return component.startsWith("block.") || component.startsWith("vision_encoder.block.");
  }

  /** The unit a verdict names: a whole block ("block.3"), or the component itself. */
  static String group(String component) {
    if (component.startsWith("vision_encoder")) {
      return "vision_encoder";
    }
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
            r.group(1)
                + "layers."
                + String.format(Locale.ROOT, "%06d", Integer.parseInt(r.group(2)))
                + ".");
  }
}
