package kr.gukdae.review;

import java.util.Arrays;
import java.util.List;

/** How the reviewers' normalised totals for one team become one number. */
public enum Aggregation {
  MEAN,
  MEDIAN,
  /**
   * Drop the single highest and single lowest score, average the rest: the usual rule of Korean
   * public evaluation committees, which blunts one reviewer's outlier. Needs at least 3 scores.
   */
  DROP_HIGH_LOW;

  public double apply(List<Double> scores) {
    if (scores.isEmpty()) {
      // ReviewBoard and ReviewService check minimumScores() first, naming the team
      throw new IllegalArgumentException("bug: no scores to aggregate");
    }
    double[] s = scores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return switch (this) {
      case MEAN -> Arrays.stream(s).average().orElseThrow();
      case MEDIAN ->
          s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
      case DROP_HIGH_LOW -> {
        if (s.length < 3) {
          throw new IllegalArgumentException(
              "bug: dropping the highest and lowest needs at least 3 scores, got " + s.length);
        }
        yield Arrays.stream(s, 1, s.length - 1).average().orElseThrow();
      }
    };
  }

  public int minimumScores() {
    return this == DROP_HIGH_LOW ? 3 : 1;
  }
}
