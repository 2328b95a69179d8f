package kr.gukdae.originality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.gukdae.originality.DemoWeights.Model;

/** Ways a team could try to hide a copy of a reference model, applied to generated models. */
final class Attacks {

  private static final Pattern LAYER = Pattern.compile("^model\\.layers\\.(\\d+)\\.(.*)$");

  private Attacks() {}

  /** Every tensor gets {@code value} planted at one position. */
  static Model poison(Model m, float value) {
    return m.map(values -> {
      values.replaceAll((name, w) -> {
        float[] out = w.clone();
        out[out.length / 3] = value;
        return out;
      });
      return values;
    });
  }

  /**
   * Candidate layer i is the reference's layer {@code source[i]}, renumbered: reversal,
   * every-second-layer distillation, depth up-scaling.
   */
  static Model relayer(Model m, int[] source) {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    Map<String, float[]> values = new LinkedHashMap<>();
    boolean layersDone = false;
    for (String name : m.shapes().keySet()) {
      Matcher x = LAYER.matcher(name);
      if (!x.matches()) {
        shapes.put(name, m.shapes().get(name));
        values.put(name, m.values().get(name).clone());
        continue;
      }
      if (layersDone) {
        continue;
      }
      layersDone = true;
      for (int i = 0; i < source.length; i++) {
        String from = "model.layers." + source[i] + ".";
        for (String n : m.shapes().keySet()) {
          if (n.startsWith(from)) {
            String to = "model.layers." + i + "." + n.substring(from.length());
            shapes.put(to, m.shapes().get(n));
            values.put(to, m.values().get(n).clone());
          }
        }
      }
    }
    return new Model(shapes, values);
  }

  /** Tensors named {@code names} replaced by {@code f(shape, values)} with a new shape. */
  static Model reshape(
      Model m, List<String> names, BiFunction<long[], float[], Map.Entry<long[], float[]>> f) {
    Map<String, long[]> shapes = new LinkedHashMap<>(m.shapes());
    Map<String, float[]> values = new LinkedHashMap<>(m.values());
    for (String n : names) {
      Map.Entry<long[], float[]> e = f.apply(m.shapes().get(n), m.values().get(n));
      shapes.put(n, e.getKey());
      values.put(n, e.getValue());
    }
    return new Model(shapes, values);
  }

  /** Rows appended to a row-major matrix (a vocabulary extended with new tokens). */
  static Map.Entry<long[], float[]> appendRows(long[] shape, float[] w, int extra, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] out = java.util.Arrays.copyOf(w, w.length + extra * (int) shape[1]);
    for (int i = w.length; i < out.length; i++) {
      out[i] = (float) random.nextGaussian() * 0.02f;
    }
    return Map.entry(new long[] {shape[0] + extra, shape[1]}, out);
  }

  /** Columns appended to a row-major matrix (hidden units added to a layer). */
  static Map.Entry<long[], float[]> appendCols(long[] shape, float[] w, int extra, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int rows = (int) shape[0];
    int cols = (int) shape[1];
    float[] out = new float[rows * (cols + extra)];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(w, r * cols, out, r * (cols + extra), cols);
      for (int c = cols; c < cols + extra; c++) {
        out[r * (cols + extra) + c] = (float) random.nextGaussian() * 0.02f;
      }
    }
    return Map.entry(new long[] {rows, cols + extra}, out);
  }

  /** Only rows {@code keep} (in this order) of a row-major matrix. */
  static Map.Entry<long[], float[]> keepRows(long[] shape, float[] w, int[] keep) {
    int cols = (int) shape[1];
    float[] out = new float[keep.length * cols];
    for (int i = 0; i < keep.length; i++) {
      System.arraycopy(w, keep[i] * cols, out, i * cols, cols);
    }
    return Map.entry(new long[] {keep.length, shape[1]}, out);
  }

  /** Only columns {@code keep} of a row-major matrix. */
  static Map.Entry<long[], float[]> keepCols(long[] shape, float[] w, int[] keep) {
    int cols = (int) shape[1];
    int rows = (int) shape[0];
    float[] out = new float[rows * keep.length];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < keep.length; j++) {
        out[r * keep.length + j] = w[r * cols + keep[j]];
      }
    }
    return Map.entry(new long[] {rows, keep.length}, out);
  }

  /** A sorted random subset of {@code k} of {@code n} indices (units kept by importance). */
  static int[] subset(int n, int k, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return random.ints(0, n).distinct().limit(k).sorted().toArray();
  }

  /** Norm weights shifted by {@code delta}: real models' norms often sit off 1. */
  static Model shiftNorms(Model m, float delta) {
    return m.map(values -> {
      values.replaceAll((name, w) -> {
        if (m.shapes().get(name).length != 1) {
          return w;
        }
        float[] out = w.clone();
        for (int i = 0; i < out.length; i++) {
          out[i] += delta;
        }
        return out;
      });
      return values;
    });
  }

  /** Every tensor renamed to a meaningless name and reshaped to one row: nothing to pair. */
  static Model scramble(Model m) {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    Map<String, float[]> values = new LinkedHashMap<>();
    int i = 0;
    for (String n : m.shapes().keySet()) {
      float[] w = m.values().get(n);
      String name = "t" + i++;
      shapes.put(name, new long[] {w.length});
      values.put(name, w.clone());
    }
    return new Model(shapes, values);
  }
}
