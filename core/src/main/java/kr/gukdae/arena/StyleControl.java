package kr.gukdae.arena;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/**
 * Style-controlled Bradley–Terry (FastChat's approach): per battle, logit P(A wins) = r_a − r_b + Σ
 * β_k z_k where z_k is the k-th style feature's normalised difference (a − b)/(a + b), standardised
 * over all battles. Ties are half wins; each battle's log-likelihood counts with its weight. The
 * bootstrap resamples battles, each keeping its weight (style covariates differ per battle, so pair
 * aggregation does not apply), with fixed standardisation.
 */
final class StyleControl {

  private StyleControl() {}

  static Leaderboard rate(List<Battle> battles, RatingOptions options) {
    int n = battles.size();
    Map<String, Integer> index = new TreeMap<>();
    for (int t = 0; t < n; t++) {
      Battle b = battles.get(t);
      if (!b.hasStyle()) {
        throw UserError.of(
            (t + 1)
                + "번째 대결 ("
                + b.modelA()
                + " vs "
                + b.modelB()
                + ")에 스타일 특성이 없습니다. --method style에는 모든 대결에"
                + " style_a_*/style_b_* 열(또는 FastChat conv_metadata)이 필요합니다",
            "battle "
                + (t + 1)
                + " ("
                + b.modelA()
                + " vs "
                + b.modelB()
                + ") has no style features; --method style needs style_a_*/style_b_* columns"
                + " (or FastChat conv_metadata) on every battle");
      }
      index.putIfAbsent(b.modelA(), 0);
      index.putIfAbsent(b.modelB(), 0);
    }
    String[] models = index.keySet().toArray(String[]::new);
    for (int k = 0; k < models.length; k++) {
      index.put(models[k], k);
    }
    int p = models.length;
    int s = StyleFeatures.COUNT;
    int[][] ab = OnlineElo.indices(battles, index);
    double[] y = new double[n];
    double[] z = standardisedDifferences(battles);
    int[] perModel = new int[p];
    for (int t = 0; t < n; t++) {
      y[t] = battles.get(t).scoreA();
      perModel[ab[0][t]]++;
      perModel[ab[1][t]]++;
    }
    double[] weights = new double[n];
    for (int t = 0; t < n; t++) {
      weights[t] = battles.get(t).weight();
    }
    double[] theta = fit(p, s, ab[0], ab[1], y, z, weights, options.l2(), null);
    double[] ratings = Scale.toRatings(java.util.Arrays.copyOf(theta, p), models, options.anchor());
    double[][] rounds =
        Bootstrap.rounds(
            options,
            rng -> {
              double[] w = new double[n];
              int[] games = new int[p];
              for (int t = 0; t < n; t++) {
                int pick = rng.nextInt(n);
                w[pick] += weights[pick]; // a drawn battle keeps its weight
                games[ab[0][pick]]++;
                games[ab[1][pick]]++;
              }
              double[] th = fit(p, s, ab[0], ab[1], y, z, w, options.l2(), theta);
              double[] out =
                  Ratings.roundRatings(java.util.Arrays.copyOf(th, p), games, models, options);
              double[] both = java.util.Arrays.copyOf(out, p + s);
              for (int k = 0; k < s; k++) {
                both[p + k] = Scale.POINTS_PER_NAT * th[p + k];
              }
              return both;
            });
    List<StyleCoefficient> style = new ArrayList<>();
    for (int k = 0; k < s; k++) {
      double points = Scale.POINTS_PER_NAT * theta[p + k];
      double lo = rounds.length == 0 ? points : Bootstrap.quantile(rounds, p + k, 0.025);
      double hi = rounds.length == 0 ? points : Bootstrap.quantile(rounds, p + k, 0.975);
      style.add(new StyleCoefficient(StyleFeatures.NAMES.get(k), points, lo, hi));
    }
    return new Leaderboard(
        Method.STYLE,
        Bootstrap.leaderboardRows(models, ratings, perModel, rounds),
        n,
        options.bootstrapRounds(),
        style);
  }

  /**
   * Row-major n×s matrix of standardised (a − b)/(a + b); 0 where both answers have none. Mean and
   * spread are weighted by battle weight, so a battle of weight 2 standardises like two copies.
   */
  static double[] standardisedDifferences(List<Battle> battles) {
    int n = battles.size();
    int s = StyleFeatures.COUNT;
    double[] z = new double[n * s];
    for (int t = 0; t < n; t++) {
      double[] a = styleOf(battles.get(t).styleA());
      double[] b = styleOf(battles.get(t).styleB());
      for (int k = 0; k < s; k++) {
        double sum = a[k] + b[k];
        z[t * s + k] = sum == 0 ? 0 : (a[k] - b[k]) / sum;
      }
    }
    double total = 0;
    for (Battle b : battles) {
      total += b.weight();
    }
    for (int k = 0; k < s; k++) {
      double mean = 0;
      for (int t = 0; t < n; t++) {
        mean += battles.get(t).weight() * z[t * s + k];
      }
      mean /= total;
      double var = 0;
      for (int t = 0; t < n; t++) {
        double d = z[t * s + k] - mean;
        var += battles.get(t).weight() * d * d;
      }
      double sd = Math.sqrt(var / total);
      for (int t = 0; t < n; t++) {
        // A feature that never varies carries no information; leave it at 0 (its β stays 0).
        z[t * s + k] = sd > 0 ? (z[t * s + k] - mean) / sd : 0;
      }
    }
    return z;
  }

  static double[] fit(
      int p,
      int s,
      int[] a,
      int[] b,
      double[] y,
      double[] z,
      double[] w,
      double l2,
      double @Nullable [] start) {
    int dim = p + s;
    double lambda = Math.max(l2, 1e-9);
    double[] theta = start == null ? new double[dim] : start.clone();
    Newton.maximise(
        (th, grad, hess, derivatives) -> {
          double ll = 0;
          if (derivatives) {
            java.util.Arrays.fill(grad, 0);
          }
          for (int t = 0; t < y.length; t++) {
            if (w[t] == 0) {
              continue;
            }
            int x = a[t];
            int v = b[t];
            double eta = th[x] - th[v];
            for (int k = 0; k < s; k++) {
              eta += th[p + k] * z[t * s + k];
            }
            ll += w[t] * (y[t] * Newton.logSigmoid(eta) + (1 - y[t]) * Newton.logSigmoid(-eta));
            if (!derivatives) {
              continue;
            }
            double sig = Newton.sigmoid(eta);
            double g = w[t] * (y[t] - sig);
            double h = w[t] * sig * (1 - sig);
            grad[x] += g;
            grad[v] -= g;
            hess[x * dim + x] += h;
            hess[v * dim + v] += h;
            hess[x * dim + v] -= h;
            hess[v * dim + x] -= h;
            for (int k = 0; k < s; k++) {
              double zk = z[t * s + k];
              grad[p + k] += g * zk;
              hess[x * dim + p + k] += h * zk;
              hess[(p + k) * dim + x] += h * zk;
              hess[v * dim + p + k] -= h * zk;
              hess[(p + k) * dim + v] -= h * zk;
              for (int l = 0; l < s; l++) {
                hess[(p + k) * dim + p + l] += h * zk * z[t * s + l];
              }
            }
          }
          for (int m = 0; m < dim; m++) {
            ll -= lambda * th[m] * th[m];
            if (derivatives) {
              grad[m] -= 2 * lambda * th[m];
              hess[m * dim + m] += 2 * lambda;
            }
          }
          return ll;
        },
        theta);
    return theta;
  }

  /** rate() refuses battles without style features before any of them reach the fit. */
  private static double[] styleOf(@Nullable StyleFeatures style) {
    if (style == null) {
      throw new IllegalStateException("bug: a battle without style features reached style control");
    }
    return style.values();
  }
}
