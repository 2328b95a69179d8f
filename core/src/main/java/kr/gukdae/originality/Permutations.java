package kr.gukdae.originality;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Finds copies whose rows (heads, hidden units, vocabulary entries) or columns were reordered. The
 * screen uses per-row L2 norms, which a reordering only shuffles: sorted row norms that agree
 * exactly point at reordered rows; row norms that agree in place while values do not point at
 * reordered columns. Alignment then matches each candidate row (or column) to the reference's by a
 * small signature of seeded ±1 projections over the axis that was not reordered.
 */
final class Permutations {

  static final int SIGNATURE = 8;
  static final double SCREEN_TOLERANCE = 3e-4;
  private static final int WINDOW = 64;

  private Permutations() {}

  /**
   * Row norms of a copy agree up to the coarser storage type's rounding: 16-bit and 8-bit floats
   * need a wider tolerance than f32 (at the price of more alignment attempts that then fail).
   */
  static double tolerance(DType a, DType b) {
    int bytes = Math.min(a.size(), b.size());
    return bytes >= 4
        ? SCREEN_TOLERANCE
        : bytes == 2 ? 10 * SCREEN_TOLERANCE : 100 * SCREEN_TOLERANCE;
  }

  static TensorStats.Alignment screen(double[] rowsA, double[] rowsB, double tolerance) {
    if (rowsA == null || rowsA.length < 4) {
      return TensorStats.Alignment.IDENTITY;
    }
    double[] a = sqrtAll(rowsA);
    double[] b = sqrtAll(rowsB);
    if (relDiff(a, b) < tolerance) {
      return TensorStats.Alignment.COLUMNS_PERMUTED;
    }
    Arrays.sort(a);
    Arrays.sort(b);
    return relDiff(a, b) < tolerance
        ? TensorStats.Alignment.ROWS_PERMUTED
        : TensorStats.Alignment.IDENTITY;
  }

  /**
   * Signatures of the rows ({@code byRows}) or columns of a tensor seen as a matrix: for each, the
   * {@link #SIGNATURE} sums of its values times ±1 chosen by a hash of the position along the other
   * axis.
   */
  static double[] signatures(TensorInfo t, boolean byRows) {
    int rows = (int) t.rows();
    int cols = (int) t.cols();
    int count = byRows ? rows : cols;
    double[] sig = new double[count * SIGNATURE];
    float[] buf = new float[1 << 16];
    long index = 0;
    try (TensorReader reader = new TensorReader(t)) {
      int got;
      while ((got = reader.next(buf, buf.length)) > 0) {
        for (int k = 0; k < got; k++, index++) {
          int r = (int) (index / cols);
          int c = (int) (index % cols);
          int item = byRows ? r : c;
          int along = byRows ? c : r;
          long h = mix(along);
          // a planted NaN or huge value must not poison a whole signature
          float v = Float.isFinite(buf[k]) && Math.abs(buf[k]) < 1e3f ? buf[k] : 0f;
          int base = item * SIGNATURE;
          for (int s = 0; s < SIGNATURE; s++) {
            sig[base + s] += ((h >>> s) & 1) == 0 ? v : -v;
          }
        }
      }
    }
    return sig;
  }

  /**
   * For each candidate item, the reference item with the nearest signature: candidates are looked
   * up near their first signature coordinate in the reference's sorted order.
   */
  static int[] match(double[] cand, double[] ref) {
    int n = ref.length / SIGNATURE;
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> ref[i * SIGNATURE]));
    double[] keys = new double[n];
    for (int i = 0; i < n; i++) {
      keys[i] = ref[order[i] * SIGNATURE];
    }
    int[] p = new int[cand.length / SIGNATURE];
    for (int i = 0; i < p.length; i++) {
      int pos = Arrays.binarySearch(keys, cand[i * SIGNATURE]);
      if (pos < 0) {
        pos = -pos - 1;
      }
      double best = Double.MAX_VALUE;
      int bestIndex = 0;
      for (int j = Math.max(0, pos - WINDOW); j < Math.min(n, pos + WINDOW); j++) {
        double d = 0;
        int r = order[j];
        for (int s = 0; s < SIGNATURE; s++) {
          double diff = cand[i * SIGNATURE + s] - ref[r * SIGNATURE + s];
          d += diff * diff;
        }
        if (d < best) {
          best = d;
          bestIndex = r;
        }
      }
      p[i] = bestIndex;
    }
    return p;
  }

  static double uniqueFraction(int[] p) {
    return (double) Arrays.stream(p).distinct().count() / Math.max(1, p.length);
  }

  /** Statistics with candidate row i against reference row p[i] (or columns likewise). */
  static TensorStats alignedStats(
      TensorInfo cand, TensorInfo ref, int[] p, boolean byRows, float widthA, float widthB) {
    int rows = (int) cand.rows();
    int cols = (int) cand.cols();
    float[] x = new float[cols];
    float[] y = new float[(int) ref.cols()];
    float[] gathered = new float[cols];
    PairAccumulator acc = new PairAccumulator(0, cols, 0).limits(widthA, widthB);
    try (TensorReader a = new TensorReader(cand);
        TensorReader b = new TensorReader(ref)) {
      for (int r = 0; r < rows; r++) {
        a.readRow(r, x);
        if (byRows) {
          b.readRow(p[r], y);
          acc.add(x, y, cols);
        } else {
          b.readRow(r, y);
          for (int c = 0; c < cols; c++) {
            gathered[c] = y[p[c]];
          }
          acc.add(x, gathered, cols);
        }
      }
    }
    return acc.finish(
        byRows ? TensorStats.Alignment.ROWS_PERMUTED : TensorStats.Alignment.COLUMNS_PERMUTED);
  }

  private static double[] sqrtAll(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.sqrt(v[i]);
    }
    return out;
  }

  private static double relDiff(double[] a, double[] b) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < a.length; i++) {
      num += (a[i] - b[i]) * (a[i] - b[i]);
      den += b[i] * b[i];
    }
    return den == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(num / den);
  }

  static long mix(long x) {
    long z = x * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
