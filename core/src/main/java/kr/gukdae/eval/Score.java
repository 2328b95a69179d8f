package kr.gukdae.eval;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One scorer's verdict on one sample: a numeric value plus the answer it extracted and the target
 * it compared against (kept so corpus-level metrics such as macro-F1 can be computed).
 *
 * @param stratum where the sample belongs for metrics that aggregate by group before averaging
 *     (KMMLU-Pro's per-licence, per-subject pass rule); null for plain means
 */
public record Score(double value, String answer, String target, @Nullable String stratum) {

  public Score {
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(target, "target");
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("bug: a scorer returned NaN");
    }
  }

  public Score(double value, String answer, String target) {
    this(value, answer, target, null);
  }

  public static Score correct(boolean correct, String answer, String target) {
    return new Score(correct ? 1.0 : 0.0, answer, target);
  }

  /** The same verdict filed under {@code stratum}. */
  public Score withStratum(String stratum) {
    return new Score(value, answer, target, Objects.requireNonNull(stratum, "stratum"));
  }
}
