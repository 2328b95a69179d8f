package kr.gukdae.arena;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * FastChat's online Elo: every model starts at 1000 and each battle, in order, moves both ratings
 * by K·w·(score − expected) with base 10 and scale 400, w being the battle's weight (1 for an
 * ordinary vote, so unweighted input gives FastChat's numbers). Order matters, unlike
 * Bradley–Terry.
 */
final class OnlineElo {

  static final double K = 4;
  static final double SCALE = 400;
  static final double BASE = 10;

  private OnlineElo() {}

  /** Ratings for battles {@code order[0..]} (indices into the model/outcome arrays). */
  static double[] run(int p, int[] a, int[] b, double[] scoreA, double[] weight, int[] order) {
    double[] rating = new double[p];
    boolean[] seen = new boolean[p];
    Arrays.fill(rating, Scale.INIT);
    for (int t : order) {
      int x = a[t];
      int y = b[t];
      seen[x] = true;
      seen[y] = true;
      double ea = 1 / (1 + Math.pow(BASE, (rating[y] - rating[x]) / SCALE));
      double eb = 1 / (1 + Math.pow(BASE, (rating[x] - rating[y]) / SCALE));
      double k = K * weight[t];
      rating[x] += k * (scoreA[t] - ea);
      rating[y] += k * (1 - scoreA[t] - eb);
    }
    for (int m = 0; m < p; m++) {
      if (!seen[m]) {
        rating[m] = Double.NaN;
      }
    }
    return rating;
  }

  /** Index arrays for a battle list over the given model order. */
  static int[][] indices(List<Battle> battles, Map<String, Integer> index) {
    int n = battles.size();
    int[] a = new int[n];
    int[] b = new int[n];
    for (int t = 0; t < n; t++) {
      a[t] = indexOf(index, battles.get(t).modelA());
      b[t] = indexOf(index, battles.get(t).modelB());
    }
    return new int[][] {a, b};
  }

  /** Position of a model the index was built from; a missing one is a bug in the caller. */
  static int indexOf(Map<String, Integer> index, String model) {
    Integer k = index.get(model);
    if (k == null) {
      throw new IllegalStateException("bug: model " + model + " is not in the rating index");
    }
    return k;
  }
}
