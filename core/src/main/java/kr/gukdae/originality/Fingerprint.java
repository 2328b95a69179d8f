package kr.gukdae.originality;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.gukdae.UserError;

/**
 * A compact sketch of one tensor, so that candidates can be screened against many public models
 * without keeping their weights. Each element is added, with a seeded ±1 sign, to one of {@link
 * #BUCKETS} buckets chosen by a hash of its position (a count sketch: the dot product of two
 * sketches estimates the dot product of the tensors, with error about 1/sqrt(BUCKETS) of their
 * norms). Values are centred like the full comparison (norm vectors on their deviation from 1).
 * Reordered copies are not seen by the sketch; the full comparison finds those.
 */
public record Fingerprint(
    String tensor,
    String normalized,
    String shape,
    boolean norm,
    long elements,
    double sum,
    double sumSquares,
    float[] sketch) {

  public static final int BUCKETS = 1024;
  public static final int VERSION = 1;
  private static final long SEED = 0x6B756B646165L; // "gukdae"

  public Fingerprint {
    Objects.requireNonNull(tensor, "tensor");
    sketch = sketch.clone();
    if (sketch.length != BUCKETS) {
      // sketchFromBytes checks what the database holds; the rest are computed here
      throw new IllegalArgumentException("bug: sketch must have " + BUCKETS + " buckets");
    }
  }

  @Override
  public float[] sketch() {
    return sketch.clone();
  }

  /** Fingerprints of every tensor of a model, streaming its weights once. */
  public static List<Fingerprint> of(WeightModel model) {
    List<Fingerprint> out = new ArrayList<>();
    for (TensorInfo t : model.tensors()) {
      out.add(of(t));
    }
    return out;
  }

  static Fingerprint of(TensorInfo t) {
    String normalized = TensorNames.normalize(t.name());
    boolean norm = TensorNames.isNorm(normalized, t.shape());
    float centre = norm ? 1f : 0f;
    double[] buckets = new double[BUCKETS];
    double sum = 0;
    double sumSq = 0;
    float[] buf = new float[1 << 16];
    long index = 0;
    try (TensorReader reader = new TensorReader(t)) {
      int got;
      float width = Float.NaN;
      while ((got = reader.next(buf, buf.length)) > 0) {
        if (Float.isNaN(width)) {
          width = PairAccumulator.clipWidth(buf, got, centre);
        }
        for (int k = 0; k < got; k++, index++) {
          // planted NaN/infinities are skipped and huge values clipped, as in the full comparison
          if (!Float.isFinite(buf[k])) {
            continue;
          }
          double v = Math.max(-width, Math.min(width, buf[k] - centre));
          long h = Permutations.mix(index ^ SEED);
          buckets[(int) (h & (BUCKETS - 1))] += h < 0 ? -v : v;
          sum += v;
          sumSq += v * v;
        }
      }
    }
    float[] sketch = new float[BUCKETS];
    for (int i = 0; i < BUCKETS; i++) {
      sketch[i] = (float) buckets[i];
    }
    return new Fingerprint(
        t.name(), normalized, t.shapeText(), norm, t.elements(), sum, sumSq, sketch);
  }

  /** Estimated Pearson correlation of the two tensors this and {@code other} sketch. */
  public double estimatePearson(Fingerprint other) {
    double dot = 0;
    for (int i = 0; i < BUCKETS; i++) {
      dot += (double) sketch[i] * other.sketch[i];
    }
    double n = elements;
    double cov = dot - sum * other.sum / n;
    double va = sumSquares - sum * sum / n;
    double vb = other.sumSquares - other.sum * other.sum / n;
    return va > 0 && vb > 0 ? Math.max(-1, Math.min(1, cov / Math.sqrt(va * vb))) : 0;
  }

  public byte[] sketchBytes() {
    ByteBuffer b = ByteBuffer.allocate(BUCKETS * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : sketch) {
      b.putFloat(f);
    }
    return b.array();
  }

  public static float[] sketchFromBytes(byte[] bytes) {
    if (bytes.length != BUCKETS * 4) {
      throw UserError.of(
          "forensics_fingerprint.sketch_b64: "
              + bytes.length
              + "바이트입니다("
              + BUCKETS * 4
              + "바이트여야 함). 이 모델의 지문을 다시 만드세요",
          "forensics_fingerprint.sketch_b64: "
              + bytes.length
              + " bytes, must be "
              + BUCKETS * 4
              + "; make this model's fingerprints again");
    }
    float[] out = new float[BUCKETS];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    return out;
  }

  /** The screening result of a candidate against one fingerprinted model. */
  public record ScreenResult(
      String reference,
      int matchedTensors,
      long matchedParameters,
      double meanPearson,
      String topComponent,
      double topComponentPearson,
      boolean needsFullCheck) {}

  /**
   * Screens candidate fingerprints against a reference's: tensors pair by normalised name and
   * shape; the parameter-weighted mean of estimated correlations, overall and per component, above
   * 0.3 calls for the full comparison (independent models stay within a few 1/sqrt(1024)).
   */
  public static ScreenResult screen(
      String reference, List<Fingerprint> candidate, List<Fingerprint> ref) {
    Map<String, Fingerprint> byKey = new LinkedHashMap<>();
    ref.forEach(f -> byKey.putIfAbsent(f.normalized() + f.shape(), f));
    Map<String, double[]> components = new LinkedHashMap<>();
    double weighted = 0;
    long params = 0;
    int matched = 0;
    for (Fingerprint c : candidate) {
      Fingerprint r = byKey.get(c.normalized() + c.shape());
      if (r == null) {
        continue;
      }
      double p = c.estimatePearson(r);
      matched++;
      params += c.elements();
      weighted += p * c.elements();
      String component =
          TensorNames.group(TensorNames.component(c.normalized(), parseShape(c.shape())));
      double[] acc = components.computeIfAbsent(component, k -> new double[2]);
      acc[0] += p * c.elements();
      acc[1] += c.elements();
    }
    String top = "";
    double topP = 0;
    for (Map.Entry<String, double[]> e : components.entrySet()) {
      double p = e.getValue()[0] / e.getValue()[1];
      if (top.isEmpty() || p > topP) {
        top = e.getKey();
        topP = p;
      }
    }
    double mean = params == 0 ? 0 : weighted / params;
    return new ScreenResult(reference, matched, params, mean, top, topP, mean > 0.3 || topP > 0.3);
  }

  static long[] parseShape(String shape) {
    String inner = shape.replaceAll("[\\[\\] ]", "");
    return inner.isEmpty()
        ? new long[0]
        : Arrays.stream(inner.split(",")).mapToLong(Long::parseLong).toArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fingerprint f
        && tensor.equals(f.tensor)
        && elements == f.elements
        && Arrays.equals(sketch, f.sketch);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tensor, elements, Arrays.hashCode(sketch));
  }
}
