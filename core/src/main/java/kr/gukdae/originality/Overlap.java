package kr.gukdae.originality;

/**
 * Compares two tensors of different shapes: a vocabulary-extended embedding, a matrix whose width
 * or number of heads was cut or grown. First the overlapping leading rows × columns, where added
 * tokens or units are usually appended; then, if that is not already a clear match and one axis
 * agrees, each candidate row (column) is matched to the reference's by content, which finds a kept
 * subset in any order. Only the compared values count as covered.
 */
final class Overlap {

  private Overlap() {}

  static TensorStats compare(TensorInfo cand, TensorInfo ref, boolean norm, boolean permutations) {
    TensorStats lead = leading(cand, ref, norm);
    if (lead.pearson() > 0.9 || !permutations || norm || cand.rank() != 2 || ref.rank() != 2) {
      return lead;
    }
    boolean byRows = cand.cols() == ref.cols();
    boolean byCols = cand.rows() == ref.rows();
    if (!byRows && !byCols) {
      return lead;
    }
    float[] widths = widths(cand, ref, 0);
    int[] p =
        Permutations.match(
            Permutations.signatures(cand, byRows), Permutations.signatures(ref, byRows));
    TensorStats aligned = Permutations.alignedStats(cand, ref, p, byRows, widths[0], widths[1]);
    return aligned.pearson() > lead.pearson() ? aligned : lead;
  }

  /**
   * Candidate row r against reference row {@code map[r]} (rows mapped to −1, new tokens, are not
   * compared), over the overlapping columns.
   */
  static TensorStats byRowMap(TensorInfo cand, TensorInfo ref, int[] map) {
    int cols = (int) Math.min(cand.cols(), ref.cols());
    float[] widths = widths(cand, ref, 0);
    PairAccumulator acc = new PairAccumulator(0, cols, 0).limits(widths[0], widths[1]);
    float[] x = new float[(int) cand.cols()];
    float[] y = new float[(int) ref.cols()];
    float[] a = new float[cols];
    float[] b = new float[cols];
    try (TensorReader ra = new TensorReader(cand);
        TensorReader rb = new TensorReader(ref)) {
      for (int r = 0; r < map.length; r++) {
        if (map[r] < 0) {
          continue;
        }
        ra.readRow(r, x);
        rb.readRow(map[r], y);
        System.arraycopy(x, 0, a, 0, cols);
        System.arraycopy(y, 0, b, 0, cols);
        acc.add(a, b, cols);
      }
    }
    return acc.finish(TensorStats.Alignment.TOKENS);
  }

  private static TensorStats leading(TensorInfo cand, TensorInfo ref, boolean norm) {
    double centre = norm ? 1 : 0;
    long rows = Math.min(cand.rows(), ref.rows());
    int cols = (int) Math.min(cand.cols(), ref.cols());
    float[] widths = widths(cand, ref, centre);
    PairAccumulator acc = new PairAccumulator(centre, cols, 0).limits(widths[0], widths[1]);
    float[] x = new float[(int) cand.cols()];
    float[] y = new float[(int) ref.cols()];
    float[] a = new float[cols];
    float[] b = new float[cols];
    try (TensorReader ra = new TensorReader(cand);
        TensorReader rb = new TensorReader(ref)) {
      for (long r = 0; r < rows; r++) {
        ra.readRow(r, x);
        rb.readRow(r, y);
        System.arraycopy(x, 0, a, 0, cols);
        System.arraycopy(y, 0, b, 0, cols);
        acc.add(a, b, cols);
      }
    }
    return acc.finish(TensorStats.Alignment.OVERLAP);
  }

  /** Clip widths from each tensor's first row (or all of a short one). */
  private static float[] widths(TensorInfo cand, TensorInfo ref, double centre) {
    return new float[] {width(cand, centre), width(ref, centre)};
  }

  private static float width(TensorInfo t, double centre) {
    float[] row = new float[(int) t.cols()];
    try (TensorReader r = new TensorReader(t)) {
      r.readRow(0, row);
    }
    return PairAccumulator.clipWidth(row, row.length, centre);
  }
}
