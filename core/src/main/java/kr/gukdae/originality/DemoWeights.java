package kr.gukdae.originality;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Generates small demo models (labelled demo: random weights, no training) with a realistic
 * initialisation: linear weights N(0, 0.02), norm weights 1 + small noise, a llama-style decoder
 * plus a small vision encoder and projector. Used by tests, the calibration null and {@code gukdae
 * demo}. Derivatives (fine-tuned, frozen component, permuted) are built from a base model.
 */
public final class DemoWeights {

  /** Architecture sizes. */
  public record Config(
      int vocab,
      int hidden,
      int layers,
      int intermediate,
      int heads,
      int visionHidden,
      int visionLayers) {
    public Config {
      if (vocab < 1
          || hidden < 1
          || layers < 0
          || intermediate < 1
          || heads < 1
          || hidden % heads != 0
          || visionHidden < 1
          || visionLayers < 0) {
        throw new IllegalArgumentException("bug: bad demo config (a constant in code)");
      }
    }

    /** A few hundred thousand parameters: fast enough for unit tests. */
    public static Config tiny() {
      return new Config(512, 64, 4, 160, 4, 48, 2);
    }
  }

  /** A model held in memory: tensor name to shape and values, in file order. */
  public record Model(Map<String, long[]> shapes, Map<String, float[]> values) {
    public Model {
      shapes = new LinkedHashMap<>(shapes);
      values = new LinkedHashMap<>(values);
    }

    public void write(Path dir, DType dtype, int shards) {
      List<SafetensorsWriter.Entry> entries = new ArrayList<>();
      shapes.forEach((name, shape) ->
          entries.add(new SafetensorsWriter.Entry(name, shape, () -> values.get(name))));
      if (shards <= 1) {
        try {
          java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        SafetensorsWriter.write(dir.resolve("model.safetensors"), dtype, entries, LABEL);
      } else {
        SafetensorsWriter.writeSharded(dir, dtype, entries, shards, LABEL);
      }
    }

    Model map(UnaryOperator<Map<String, float[]>> f) {
      return new Model(shapes, f.apply(new LinkedHashMap<>(values)));
    }
  }

  public static final String VISION_PREFIX = "model.vision_tower.";

  /** Written into every demo file so that nobody mistakes it for a trained model. */
  public static final Map<String, String> LABEL =
      Map.of("gukdae", "DEMO weights: random initialisation, not a trained model");

  private DemoWeights() {}

  /** An independently initialised model. */
  public static Model independent(Config c, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, long[]> shapes = new LinkedHashMap<>();
    Map<String, float[]> values = new LinkedHashMap<>();
    add(shapes, values, "model.embed_tokens.weight", random, 0.02f, c.vocab(), c.hidden());
    for (int l = 0; l < c.layers(); l++) {
      String p = "model.layers." + l + ".";
      norm(shapes, values, p + "input_layernorm.weight", random, c.hidden());
      for (String proj : List.of("q_proj", "k_proj", "v_proj", "o_proj")) {
        add(
            shapes,
            values,
            p + "self_attn." + proj + ".weight",
            random,
            0.02f,
            c.hidden(),
            c.hidden());
      }
      norm(shapes, values, p + "post_attention_layernorm.weight", random, c.hidden());
      add(shapes, values, p + "mlp.gate_proj.weight", random, 0.02f, c.intermediate(), c.hidden());
      add(shapes, values, p + "mlp.up_proj.weight", random, 0.02f, c.intermediate(), c.hidden());
      add(shapes, values, p + "mlp.down_proj.weight", random, 0.02f, c.hidden(), c.intermediate());
    }
    norm(shapes, values, "model.norm.weight", random, c.hidden());
    int v = c.visionHidden();
    add(shapes, values, VISION_PREFIX + "embeddings.patch_embedding.weight", random, 0.02f, v, 48);
    for (int l = 0; l < c.visionLayers(); l++) {
      String p = VISION_PREFIX + "encoder.layers." + l + ".";
      norm(shapes, values, p + "layer_norm1.weight", random, v);
      for (String proj : List.of("q_proj", "k_proj", "v_proj", "out_proj")) {
        add(shapes, values, p + "self_attn." + proj + ".weight", random, 0.02f, v, v);
      }
      norm(shapes, values, p + "layer_norm2.weight", random, v);
      add(shapes, values, p + "mlp.fc1.weight", random, 0.02f, 2 * v, v);
      add(shapes, values, p + "mlp.fc2.weight", random, 0.02f, v, 2 * v);
    }
    norm(shapes, values, VISION_PREFIX + "post_layernorm.weight", random, v);
    add(
        shapes,
        values,
        "model.multi_modal_projector.linear_1.weight",
        random,
        0.02f,
        c.hidden(),
        v);
    add(shapes, values, "lm_head.weight", random, 0.02f, c.vocab(), c.hidden());
    return new Model(shapes, values);
  }

  /** Base plus small updates: each tensor moves by {@code relative} of its own spread. */
  public static Model fineTuned(Model base, long seed, double relative) {
    SplittableRandom random = new SplittableRandom(seed);
    return base.map(values -> {
      values.replaceAll((name, w) -> {
        boolean norm = w.length > 0 && tensor(base.shapes(), name).length == 1;
        float scale = (float) (relative * (norm ? spreadAround(w, 1f) : spreadAround(w, 0f)));
        float[] out = w.clone();
        for (int i = 0; i < out.length; i++) {
          out[i] += (float) random.nextGaussian() * scale;
        }
        return out;
      });
      return values;
    });
  }

  /**
   * {@code own} with every tensor under {@code prefix} taken unchanged (frozen) from {@code donor}.
   */
  public static Model withFrozenComponent(Model own, Model donor, String prefix) {
    return own.map(values -> {
      values.replaceAll(
          (name, w) -> name.startsWith(prefix) ? tensor(donor.values(), name).clone() : w);
      return values;
    });
  }

  /**
   * A functionally identical copy with MLP hidden units and attention heads reordered per layer:
   * rows of gate/up/q/k/v and the matching columns of down/o move together.
   */
  public static Model permuted(Model base, Config c, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return base.map(values -> {
      int headDim = c.hidden() / c.heads();
      for (int l = 0; l < c.layers(); l++) {
        String p = "model.layers." + l + ".";
        int[] units = shuffle(c.intermediate(), random);
        for (String up : List.of("mlp.gate_proj.weight", "mlp.up_proj.weight")) {
          values.put(p + up, Permute.rows(tensor(values, p + up), c.hidden(), units));
        }
        values.put(
            p + "mlp.down_proj.weight",
            Permute.cols(tensor(values, p + "mlp.down_proj.weight"), c.intermediate(), units));
        int[] heads = shuffle(c.heads(), random);
        int[] dims = new int[c.hidden()];
        for (int h = 0; h < c.heads(); h++) {
          for (int d = 0; d < headDim; d++) {
            dims[h * headDim + d] = heads[h] * headDim + d;
          }
        }
        for (String proj : List.of("q_proj", "k_proj", "v_proj")) {
          String n = p + "self_attn." + proj + ".weight";
          values.put(n, Permute.rows(tensor(values, n), c.hidden(), dims));
        }
        String o = p + "self_attn.o_proj.weight";
        values.put(o, Permute.cols(tensor(values, o), c.hidden(), dims));
      }
      return values;
    });
  }

  private static int[] shuffle(int n, SplittableRandom random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static double spreadAround(float[] w, float centre) {
    double s = 0;
    for (float x : w) {
      s += (x - centre) * (x - centre);
    }
    return Math.sqrt(s / Math.max(1, w.length));
  }

  private static void add(
      Map<String, long[]> shapes,
      Map<String, float[]> values,
      String name,
      SplittableRandom random,
      float std,
      int rows,
      int cols) {
    float[] w = new float[Math.multiplyExact(rows, cols)];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) random.nextGaussian() * std;
    }
    shapes.put(name, new long[] {rows, cols});
    values.put(name, w);
  }

  private static void norm(
      Map<String, long[]> shapes,
      Map<String, float[]> values,
      String name,
      SplittableRandom random,
      int n) {
    // Trained norm weights drift from 1 by a few percent; every model's sit near 1.0.
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      w[i] = 1f + (float) random.nextGaussian() * 0.05f;
    }
    shapes.put(name, new long[] {n});
    values.put(name, w);
  }

  /** A tensor every model of the same config has; a missing one is a bug in the generator. */
  static <T> T tensor(Map<String, T> byName, String name) {
    T t = byName.get(name);
    if (t == null) {
      throw new IllegalStateException("bug: demo model has no tensor " + name);
    }
    return t;
  }
}
