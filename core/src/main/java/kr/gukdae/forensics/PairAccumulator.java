package kr.gukdae.forensics;

import java.util.Arrays;

/**
 * One pass over two equally long streams of values: the sums that give Pearson, cosine, relative L2
 * and bit-identity. Values are shifted by {@code centre} first (1 for norm vectors). Optionally
 * keeps per-row sums of squares, free here, for the permutation screen.
 */
final class PairAccumulator {

  private final double centre;
  private final int cols;
  private final double[] rowA;
  private final double[] rowB;
  private final BlockKernel kernel;
  private final double[] sums = new double[BlockKernel.SLOTS];
  private final double[] segment = new double[BlockKernel.SLOTS];
  private long n;

  PairAccumulator(double centre, int cols, int rowsToTrack) {
    this(centre, cols, rowsToTrack, BlockKernel.best());
  }

  PairAccumulator(double centre, int cols, int rowsToTrack, BlockKernel kernel) {
    this.centre = centre;
    this.cols = Math.max(1, cols);
    this.rowA = rowsToTrack > 0 ? new double[rowsToTrack] : null;
    this.rowB = rowsToTrack > 0 ? new double[rowsToTrack] : null;
    this.kernel = kernel;
  }

  void add(float[] x, float[] y, int count) {
    if (rowA == null) {
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
    if (n == 0) {
      return new TensorStats(0, 0, 0, 0, 0, 0, alignment);
    }
    double sa = sums[BlockKernel.A];
    double sb = sums[BlockKernel.B];
    double saa = sums[BlockKernel.AA];
    double sbb = sums[BlockKernel.BB];
    double sab = sums[BlockKernel.AB];
    double sdd = sums[BlockKernel.DD];
    double varA = saa - sa * sa / n;
    double varB = sbb - sb * sb / n;
    double cov = sab - sa * sb / n;
    double pearson = varA > 0 && varB > 0 ? clamp(cov / Math.sqrt(varA * varB)) : 0;
    double cosine = saa > 0 && sbb > 0 ? clamp(sab / Math.sqrt(saa * sbb)) : 0;
    double relL2 = sbb > 0 ? Math.sqrt(sdd / sbb) : (sdd == 0 ? 0 : Double.POSITIVE_INFINITY);
    // raw sums of the unshifted values, recovered from the shifted ones
    double rawAb = sab + centre * (sa + sb) + centre * centre * n;
    double rawAa = saa + 2 * centre * sa + centre * centre * n;
    double rawBb = sbb + 2 * centre * sb + centre * centre * n;
    double raw = rawAa > 0 && rawBb > 0 ? clamp(rawAb / Math.sqrt(rawAa * rawBb)) : 0;
    return new TensorStats(n, pearson, cosine, relL2, sums[BlockKernel.EQUAL] / n, raw, alignment);
  }

  private static double clamp(double v) {
    return Math.max(-1, Math.min(1, v));
  }
}
