package kr.gukdae.arena;

import org.jspecify.annotations.Nullable;

/**
 * Bradley–Terry maximum likelihood on aggregated pair weights: P(i beats j) = σ(r_i − r_j), with a
 * ridge penalty l2·Σr² (floored at 1e-9 so the otherwise free overall shift is pinned).
 */
final class BradleyTerry {

  private static final double MIN_L2 = 1e-9;

  private BradleyTerry() {}

  /** Natural-log strengths; {@code start} (may be null) warm-starts the fit. */
  static double[] fit(
      int p, int[] pi, int[] pj, double[] wi, double[] wj, double l2, double @Nullable [] start) {
    double lambda = Math.max(l2, MIN_L2);
    double[] theta = start == null ? new double[p] : start.clone();
    Newton.maximise(
        (r, grad, hess, derivatives) -> {
          double ll = 0;
          if (derivatives) {
            java.util.Arrays.fill(grad, 0);
          }
          for (int k = 0; k < pi.length; k++) {
            double a = wi[k];
            double b = wj[k];
            if (a + b == 0) {
              continue;
            }
            int x = pi[k];
            int y = pj[k];
            double d = r[x] - r[y];
            // One exp and one log1p give log σ(±d) and σ(d) together (the hot loop).
            double e = Math.exp(-Math.abs(d));
            double log1pE = Math.log1p(e);
            double s = d >= 0 ? 1 / (1 + e) : e / (1 + e);
            ll -= d >= 0 ? a * log1pE + b * (d + log1pE) : a * (log1pE - d) + b * log1pE;
            if (derivatives) {
              double g = a - (a + b) * s;
              grad[x] += g;
              grad[y] -= g;
              double h = (a + b) * s * (1 - s);
              hess[x * p + x] += h;
              hess[y * p + y] += h;
              hess[x * p + y] -= h;
              hess[y * p + x] -= h;
            }
          }
          for (int m = 0; m < p; m++) {
            ll -= lambda * r[m] * r[m];
            if (derivatives) {
              grad[m] -= 2 * lambda * r[m];
              hess[m * p + m] += 2 * lambda;
            }
          }
          return ll;
        },
        theta);
    return theta;
  }
}
