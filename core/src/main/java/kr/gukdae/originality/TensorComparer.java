package kr.gukdae.originality;

/** Compares one candidate tensor with one reference tensor of the same shape. */
final class TensorComparer {

  static final int CHUNK = 1 << 16;
  private static final int MAX_TRACKED_ROWS = 1 << 22;

  private TensorComparer() {}

  static TensorStats compare(TensorInfo cand, TensorInfo ref, boolean norm, boolean permutations) {
    if (!java.util.Arrays.equals(cand.shape(), ref.shape())) {
      return Overlap.compare(cand, ref, norm, permutations);
    }
    int cols = (int) Math.min(Integer.MAX_VALUE, cand.cols());
    boolean matrix = cand.rank() == 2 && !norm && cand.rows() >= 4 && cols >= 4;
    int tracked = matrix && permutations && cand.rows() <= MAX_TRACKED_ROWS ? (int) cand.rows() : 0;
    double centre = norm ? 1.0 : 0.0;
    PairAccumulator acc = new PairAccumulator(centre, cols, tracked);
    float[] x = new float[CHUNK];
    float[] y = new float[CHUNK];
    float widthA = Float.MAX_VALUE;
    float widthB = Float.MAX_VALUE;
    try (TensorReader a = new TensorReader(cand);
        TensorReader b = new TensorReader(ref)) {
      boolean first = true;
      while (a.remaining() > 0) {
        int want = (int) Math.min(CHUNK, a.remaining());
        int got = fill(a, x, want);
        fill(b, y, got);
        if (first) {
          widthA = PairAccumulator.clipWidth(x, got, centre);
          widthB = PairAccumulator.clipWidth(y, got, centre);
          acc.limits(widthA, widthB);
          first = false;
        }
        acc.add(x, y, got);
      }
    }
    TensorStats identity = acc.finish(TensorStats.Alignment.IDENTITY);
    if (tracked == 0 || identity.pearson() > 0.9) {
      // a partly reordered copy (some heads in place) correlates partly, so only a clear match
      // stops here
      return identity;
    }
    TensorStats.Alignment mode =
        Permutations.screen(
            acc.rowNormsA(), acc.rowNormsB(), Permutations.tolerance(cand.dtype(), ref.dtype()));
    if (mode == TensorStats.Alignment.IDENTITY) {
      return identity;
    }
    boolean byRows = mode == TensorStats.Alignment.ROWS_PERMUTED;
    int[] p =
        Permutations.match(
            Permutations.signatures(cand, byRows), Permutations.signatures(ref, byRows));
    if (Permutations.uniqueFraction(p) < 0.9) {
      return identity;
    }
    TensorStats aligned = Permutations.alignedStats(cand, ref, p, byRows, widthA, widthB);
    return aligned.pearson() > identity.pearson() ? aligned : identity;
  }

  private static int fill(TensorReader reader, float[] out, int want) {
    int filled = 0;
    float[] tmp = null;
    while (filled < want) {
      if (filled == 0) {
        filled = reader.next(out, want);
        continue;
      }
      // a window boundary split the chunk: read the rest through a scratch buffer
      if (tmp == null) {
        tmp = new float[want];
      }
      int got = reader.next(tmp, want - filled);
      if (got == 0) {
        // the header check made sure every tensor lies inside its file
        throw new IllegalStateException("bug: tensor ended early");
      }
      System.arraycopy(tmp, 0, out, filled, got);
      filled += got;
    }
    return filled;
  }
}
