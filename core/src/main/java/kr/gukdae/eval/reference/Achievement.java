package kr.gukdae.eval.reference;

import java.util.Objects;

/**
 * How close a run came to a reference: {@code ratio = score / reference.score()} (both on the
 * reference's scale). The programme's goal is a ratio of at least {@link #PROGRAMME_GOAL}.
 */
public record Achievement(double score, ReferenceScore reference, double ratio) {

  /** 95% of the newest frontier models, the national programme's stated goal. */
  public static final double PROGRAMME_GOAL = 0.95;

  public Achievement {
    Objects.requireNonNull(reference, "reference");
    if (!Double.isFinite(score) || score < 0) {
      // Comparison refuses a results value outside 0..1, naming the file and metric, first
      throw new IllegalArgumentException("bug: score must be a non-negative number, got " + score);
    }
  }

  static Achievement of(double score, ReferenceScore reference) {
    return new Achievement(score, reference, score / reference.score());
  }

  public boolean meets(double goal) {
    return ratio >= goal;
  }
}
