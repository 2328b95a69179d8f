package kr.gukdae.arena;

import java.util.Arrays;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/** FastChat's rating scale and the 95% percentile interval. */
final class Scale {

  static final double POINTS_PER_NAT = 400 / Math.log(10);
  static final double INIT = 1000;

  private Scale() {}

  /**
   * Ratings from natural-log strengths: 400·r/ln 10, shifted so the present models (non-NaN)
   * average 1000, or so the anchor model has its value. A model absent here stays NaN.
   */
  static double[] toRatings(
      double[] strengths, String[] models, RatingOptions.@Nullable Anchor anchor) {
    double[] out = new double[strengths.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = POINTS_PER_NAT * strengths[k];
    }
    recentre(out, models, anchor);
    return out;
  }

  /** Shifts ratings (in place) to mean 1000 or to the anchor. */
  static void recentre(double[] ratings, String[] models, RatingOptions.@Nullable Anchor anchor) {
    double shift;
    if (anchor != null) {
      int at = Arrays.asList(models).indexOf(anchor.model());
      if (at < 0) {
        throw UserError.of(
            "--anchor: 모델 '" + anchor.model() + "'의 대결이 여기에 없습니다. 평가된 모델 중 하나를 고르세요",
            "--anchor: model '"
                + anchor.model()
                + "' has no battles here; pick one of the rated models");
      }
      shift = anchor.rating() - ratings[at];
    } else {
      double sum = 0;
      int n = 0;
      for (double r : ratings) {
        if (!Double.isNaN(r)) {
          sum += r;
          n++;
        }
      }
      shift = n == 0 ? 0 : INIT - sum / n;
    }
    for (int k = 0; k < ratings.length; k++) {
      ratings[k] += shift;
    }
  }

  /** Linear-interpolation quantile (numpy's and pandas' default) over the finite values. */
  static double quantile(double[] values, double q) {
    double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    double pos = q * (v.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, v.length - 1);
    return v[lo] + (pos - lo) * (v[hi] - v[lo]);
  }
}
