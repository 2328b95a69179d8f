package kr.gukdae.originality;

/**
 * Similarity of one candidate tensor with one reference tensor, over the pairs where both values
 * are finite. For norm-type vectors every statistic is computed on the deviation from 1 and the
 * cosine is centred ({@code rawCosine} keeps the misleading raw value only to show why it is
 * ignored).
 *
 * @param elements value pairs compared (both finite)
 * @param pearson robust (winsorised) centred correlation: the one verdicts use
 * @param plainPearson centred correlation of the finite values without clipping
 * @param cosine cosine of the (deviation) vectors; centred for norm vectors
 * @param relL2 ||a - b|| / ||b|| on the (deviation) vectors
 * @param identical fraction of the kept pairs (finite, not extreme) whose values are bit-identical
 * @param alignment how candidate elements were lined up with the reference's
 * @param tamper non-finite and extreme values seen on each side
 */
public record TensorStats(
    long elements,
    double pearson,
    double plainPearson,
    double cosine,
    double relL2,
    double identical,
    double rawCosine,
    Alignment alignment,
    Tamper tamper) {

  /** How elements were paired: in place, or after undoing a reordering of rows or columns. */
  public enum Alignment {
    IDENTITY,
    ROWS_PERMUTED,
    COLUMNS_PERMUTED,
    /** Only the overlapping rows and columns of two differently shaped tensors. */
    OVERLAP,
    /** Rows paired by token string (vocabulary changed). */
    TOKENS
  }

  /**
   * Values trained weights do not hold: NaN/infinities, and values beyond the clip width (more than
   * {@link PairAccumulator#CLIP_MADS} median deviations out), on the candidate and reference side.
   */
  public record Tamper(
      long nonFiniteCandidate,
      long nonFiniteReference,
      long extremeCandidate,
      long extremeReference) {
    public static final Tamper NONE = new Tamper(0, 0, 0, 0);

    public Tamper plus(Tamper o) {
      return new Tamper(
          nonFiniteCandidate + o.nonFiniteCandidate,
          nonFiniteReference + o.nonFiniteReference,
          extremeCandidate + o.extremeCandidate,
          extremeReference + o.extremeReference);
    }
  }

  public TensorStats {
    if (elements < 0) {
      // Reachable from a worker's result, and caught there: ComparisonPlan.decode and the job
      // queue's PieceCodec.read refuse the piece in both languages with this as the detail.
      throw new IllegalArgumentException("elements < 0");
    }
    java.util.Objects.requireNonNull(tamper, "tamper");
  }
}
