package kr.gukdae.originality;

import java.util.Arrays;

/**
 * One pass over two equally long streams of values: the sums that give Pearson, cosine, relative L2
 * and bit-identity. Values are shifted by {@code centre} first (1 for norm vectors). Optionally
 * keeps per-row sums of squares, free here, for the permutation screen.
 *
 * <p>Tamper resistance: trained weights never hold NaN or infinities, and a copy poisoned with a
 * few of them, or with a few huge values, must still read as a copy. Pairs where either value is
 * not finite are left out of every statistic (and counted); pairs where either value lies beyond
 * {@link #limits} are left out of the robust (trimmed) statistics, and counted. The plain Pearson
 * of the finite values is kept alongside. Clean chunks, nearly all of them, pay only a vectorised
 * range check.
 */
final class PairAccumulator {

  /** Trim beyond this many median absolute deviations from the centre (~20 sd for a Gaussian). */
  static final float CLIP_MADS = 30f;

  private final double centre;
  private final int cols;
  private final double[] rowA;
  private final double[] rowB;
  private final BlockKernel kernel;
  private final double[] sums = new double[BlockKernel.SLOTS];
  private final double[] segment = new double[BlockKernel.SLOTS];
  private final double[] plainDelta = new double[BlockKernel.SLOTS];
  private long n;
  private long skippedNonFinite;
  private long skippedExtreme;
  private long nonFiniteA;
  private long nonFiniteB;
  private long extremeA;
  private long extremeB;
  private float loA = -Float.MAX_VALUE;
  private float hiA = Float.MAX_VALUE;
  private float loB = -Float.MAX_VALUE;
  private float hiB = Float.MAX_VALUE;

  PairAccumulator(double centre, int cols, int rowsToTrack) {
    this(centre, cols, rowsToTrack, BlockKernel.best());
  }

  PairAccumulator(double centre, int cols, int rowsToTrack, BlockKernel kernel) {
    this.centre = centre;
    this.cols = Math.max(1, cols);
    // empty when rows are not tracked (then the permutation screen is never asked for them)
    this.rowA = new double[Math.max(0, rowsToTrack)];
    this.rowB = new double[Math.max(0, rowsToTrack)];
    this.kernel = kernel;
  }

  /** Trim half-widths around the centre for each side (from {@link #clipWidth}). */
  PairAccumulator limits(float widthA, float widthB) {
    float c = (float) centre;
    loA = c - widthA;
    hiA = c + widthA;
    loB = c - widthB;
    hiB = c + widthB;
    return this;
  }

  /**
   * The clip half-width for a tensor, from a sample of its first values: {@link #CLIP_MADS} times
   * their median absolute deviation from the centre. One planted value cannot move a median; a
   * tensor whose typical deviation is 0 is not trimmed.
   */
  static float clipWidth(float[] x, int count, double centre) {
    int step = Math.max(1, count / 4096);
    float[] dev = new float[(count + step - 1) / step];
    int m = 0;
    for (int i = 0; i < count; i += step) {
      float d = (float) Math.abs(x[i] - centre);
      if (Float.isFinite(d)) {
        dev[m++] = d;
      }
    }
    if (m == 0) {
      return Float.MAX_VALUE;
    }
    Arrays.sort(dev, 0, m);
    float median = dev[m / 2];
    return median > 0 ? Math.min(Float.MAX_VALUE, median * CLIP_MADS) : Float.MAX_VALUE;
  }

  /** Adds a chunk; the arrays may be modified (non-finite and extreme pairs neutralised). */
  void add(float[] x, float[] y, int count) {
    int outside = kernel.outside(x, 0, count, loA, hiA) + kernel.outside(y, 0, count, loB, hiB);
    if (outside == 0) {
      accumulate(x, y, count);
      return;
    }
    double[] plain = neutraliseAndTrim(x, y, count);
    double[] before = sums.clone();
    accumulate(x, y, count);
    for (int s = 0; s < sums.length; s++) {
      plainDelta[s] += plain[s] - (sums[s] - before[s]);
    }
  }

  /**
   * The chunk's plain sums over finite pairs, then trims the pairs with an extreme value. Both
   * kinds of pair are set to (centre, centre), which adds nothing to any sum; n and the identical
   * count are corrected in finish().
   */
  private double[] neutraliseAndTrim(float[] x, float[] y, int count) {
    float c = (float) centre;
    for (int i = 0; i < count; i++) {
      boolean fx = Float.isFinite(x[i]);
      boolean fy = Float.isFinite(y[i]);
      if (!fx || !fy) {
        nonFiniteA += fx ? 0 : 1;
        nonFiniteB += fy ? 0 : 1;
        skippedNonFinite++;
        x[i] = c;
        y[i] = c;
      }
    }
    double[] plain = new double[BlockKernel.SLOTS];
    kernel.add(x, y, 0, count, c, plain);
    for (int i = 0; i < count; i++) {
      boolean ox = x[i] < loA || x[i] > hiA;
      boolean oy = y[i] < loB || y[i] > hiB;
      if (ox || oy) {
        extremeA += ox ? 1 : 0;
        extremeB += oy ? 1 : 0;
        skippedExtreme++;
        x[i] = c;
        y[i] = c;
      }
    }
    return plain;
  }

  private void accumulate(float[] x, float[] y, int count) {
    if (rowA.length == 0) {
      kernel.add(x, y, 0, count, (float) centre, sums);
      n += count;
      return;
    }
    // per-row sums of squares, for the permutation screen: segments never cross a row's end
    int i = 0;
    while (i < count) {
      int end = Math.min(count, i + cols - (int) (n % cols));
      Arrays.fill(segment, 0);
      kernel.add(x, y, i, end, (float) centre, segment);
      int row = (int) (n / cols);
      rowA[row] += segment[BlockKernel.AA];
      rowB[row] += segment[BlockKernel.BB];
      for (int s = 0; s < sums.length; s++) {
        sums[s] += segment[s];
      }
      n += end - i;
      i = end;
    }
  }

  double[] rowNormsA() {
    return rowA;
  }

  double[] rowNormsB() {
    return rowB;
  }

  TensorStats finish(TensorStats.Alignment alignment) {
    long m = n - skippedNonFinite - skippedExtreme;
    long finite = n - skippedNonFinite;
    TensorStats.Tamper tamper = new TensorStats.Tamper(nonFiniteA, nonFiniteB, extremeA, extremeB);
    if (m <= 0) {
      return new TensorStats(0, 0, 0, 0, 0, 0, 0, alignment, tamper);
    }
    double sa = sums[BlockKernel.A];
    double sb = sums[BlockKernel.B];
    double saa = sums[BlockKernel.AA];
    double sbb = sums[BlockKernel.BB];
    double sab = sums[BlockKernel.AB];
    double sdd = sums[BlockKernel.DD];
    double pearson = pearson(sums, m);
    // For norm vectors an uncentred cosine reads 0.6-0.98 for unrelated models (their weights sit
    // off 1 in the same direction), so their cosine column is centred: it equals Pearson.
    double cosine =
        centre != 0 ? pearson : saa > 0 && sbb > 0 ? clamp(sab / Math.sqrt(saa * sbb)) : 0;
    double relL2 = sbb > 0 ? Math.sqrt(sdd / sbb) : (sdd == 0 ? 0 : Double.POSITIVE_INFINITY);
    // raw sums of the unshifted values, recovered from the shifted ones
    double rawAb = sab + centre * (sa + sb) + centre * centre * m;
    double rawAa = saa + 2 * centre * sa + centre * centre * m;
    double rawBb = sbb + 2 * centre * sb + centre * centre * m;
    double raw = rawAa > 0 && rawBb > 0 ? clamp(rawAb / Math.sqrt(rawAa * rawBb)) : 0;
    double[] plain = sums.clone();
    for (int s = 0; s < plain.length; s++) {
      plain[s] += plainDelta[s];
    }
    // bit-identity on the pairs the robust statistics keep: planted values, however many, are
    // counted as tampering rather than as differences (neutralised pairs count as equal in sums)
    double identical = (sums[BlockKernel.EQUAL] - skippedNonFinite - skippedExtreme) / m;
    return new TensorStats(
        m, pearson, pearson(plain, finite), cosine, relL2, identical, raw, alignment, tamper);
  }

  private static double pearson(double[] s, long m) {
    double varA = s[BlockKernel.AA] - s[BlockKernel.A] * s[BlockKernel.A] / m;
    double varB = s[BlockKernel.BB] - s[BlockKernel.B] * s[BlockKernel.B] / m;
    double cov = s[BlockKernel.AB] - s[BlockKernel.A] * s[BlockKernel.B] / m;
    return varA > 0 && varB > 0 ? clamp(cov / Math.sqrt(varA * varB)) : 0;
  }

  private static double clamp(double v) {
    return Math.max(-1, Math.min(1, v));
  }
}
