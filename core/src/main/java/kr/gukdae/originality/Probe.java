package kr.gukdae.originality;

import java.util.Arrays;

/**
 * A content fingerprint of one tensor for alignment: its values at a few dozen rows × a few dozen
 * columns, chosen by a hash of the row (column) index. The choice depends on the index, not on the
 * tensor's size, except through a power-of-two thinning factor, so two tensors that share rows (a
 * vocabulary-extended embedding, a width-pruned matrix that kept leading units) share sampled
 * positions too. Reading a probe costs a few dozen row reads per tensor, whatever the tensor's
 * size, so probing a 100B-parameter checkpoint reads about 1% of it.
 */
record Probe(int[] rows, int[] cols, float[] values, double centre, float width) {

  static final int TARGET = 32;
  private static final long SEED = 0x70726f6265L; // "probe"

  Probe {
    if (values.length != rows.length * cols.length) {
      throw new IllegalArgumentException("bug: probe values do not match its rows × columns");
    }
  }

  static Probe of(TensorInfo t, boolean norm) {
    long rowCount = t.rows();
    int colCount = (int) Math.min(Integer.MAX_VALUE, t.cols());
    int[] rows = pick(rowCount);
    int[] cols = pick(colCount);
    float[] values = new float[rows.length * cols.length];
    if (rows.length > 0 && cols.length > 0 && t.elements() > 0) {
      float[] row = new float[colCount];
      try (TensorReader reader = new TensorReader(t)) {
        for (int i = 0; i < rows.length; i++) {
          reader.readRow(rows[i], row);
          for (int j = 0; j < cols.length; j++) {
            values[i * cols.length + j] = row[cols[j]];
          }
        }
      }
    }
    double centre = norm ? 1 : 0;
    return new Probe(
        rows, cols, values, centre, PairAccumulator.clipWidth(values, values.length, centre));
  }

  /**
   * Indices in [0, n) kept: all when n ≤ 2·TARGET, else those whose hash is divisible by the
   * largest power of two ≤ n / TARGET (so between TARGET and 2·TARGET of them, on average).
   */
  static int[] pick(long n) {
    int count = (int) Math.min(n, Integer.MAX_VALUE);
    if (count <= 2 * TARGET) {
      int[] all = new int[count];
      Arrays.setAll(all, i -> i);
      return all;
    }
    long thin = Long.highestOneBit(count / TARGET);
    int[] out = new int[4 * TARGET];
    int m = 0;
    for (int i = 0; i < count && m < out.length; i++) {
      if ((Permutations.mix(i ^ SEED) & (thin - 1)) == 0) {
        out[m++] = i;
      }
    }
    return Arrays.copyOf(out, m);
  }

  /** Elements the probe compares with {@code other}'s: positions sampled in both. */
  int overlap(Probe other) {
    return common(rows, other.rows).length * common(cols, other.cols).length;
  }

  /**
   * Robust Pearson of the values at the positions both probes sampled: pairs with a non-finite
   * value, or an extreme one, are left out as in the full comparison, so a planted value cannot
   * hide a copy here either. 0 when fewer than 16 positions are shared.
   */
  double similarity(Probe other) {
    int[][] r = commonIndex(rows, other.rows);
    int[][] c = commonIndex(cols, other.cols);
    int n = r[0].length * c[0].length;
    if (n < 16) {
      return 0;
    }
    float[] x = new float[n];
    float[] y = new float[n];
    int k = 0;
    for (int i = 0; i < r[0].length; i++) {
      for (int j = 0; j < c[0].length; j++) {
        x[k] = values[r[0][i] * cols.length + c[0][j]];
        y[k] = other.values[r[1][i] * other.cols.length + c[1][j]];
        k++;
      }
    }
    PairAccumulator acc = new PairAccumulator(centre, 1, 0, BlockKernel.scalar());
    acc.limits(width, other.width);
    acc.add(x, y, n);
    return acc.finish(TensorStats.Alignment.IDENTITY).pearson();
  }

  private static int[] common(int[] a, int[] b) {
    return commonIndex(a, b)[0];
  }

  /** Positions in {@code a} and in {@code b} of the values both sorted arrays hold. */
  private static int[][] commonIndex(int[] a, int[] b) {
    int[] ia = new int[Math.min(a.length, b.length)];
    int[] ib = new int[ia.length];
    int m = 0;
    for (int i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] == b[j]) {
        ia[m] = i++;
        ib[m++] = j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return new int[][] {Arrays.copyOf(ia, m), Arrays.copyOf(ib, m)};
  }
}
