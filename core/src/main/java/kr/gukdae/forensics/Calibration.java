package kr.gukdae.forensics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The null distribution of the similarity statistic, fitted on pairs of independent models. Each
 * tensor pair's Pearson r becomes Fisher's z = atanh(r)·sqrt(n−3), which is standard normal for
 * unrelated tensors; the fitted mean and spread per tensor kind absorb whatever structure
 * independent models share (their sd is never taken below 1, the analytic value).
 */
public record Calibration(Map<Kind, Null> nulls) {

  /** Tensor kinds calibrated separately. */
  public enum Kind {
    MATRIX,
    VECTOR,
    NORM
  }

  /** Fitted null for one kind: mean and spread of Fisher z over {@code samples} tensor pairs. */
  public record Null(double mean, double sd, int samples, double maxAbsPearson) {}

  public Calibration {
    nulls = Map.copyOf(nulls);
  }

  /** The analytic null: z ~ N(0, 1). */
  public static Calibration analytic() {
    return new Calibration(Map.of());
  }

  static Kind kind(boolean norm, int rank) {
    return norm ? Kind.NORM : rank >= 2 ? Kind.MATRIX : Kind.VECTOR;
  }

  static double fisher(double r, long n) {
    double c = Math.max(-0.999999, Math.min(0.999999, r));
    return 0.5 * Math.log((1 + c) / (1 - c)) * Math.sqrt(Math.max(1, n - 3));
  }

  double z(Kind kind, double r, long n) {
    Null nul = nulls.get(kind);
    double f = fisher(r, n);
    return nul == null ? f : (f - nul.mean()) / nul.sd();
  }

  /** log10 of the upper-tail normal probability, accurate far into the tail. */
  static double log10UpperTail(double z) {
    if (z < 5) {
      return Math.log10(Math.max(Double.MIN_NORMAL, 0.5 * Erfc.erfc(z / Math.sqrt(2))));
    }
    // Mills ratio: P(Z > z) ≈ φ(z)/z · (1 − 1/z² + 3/z⁴)
    double lnPhi = -0.5 * z * z - 0.5 * Math.log(2 * Math.PI);
    double series = 1 - 1 / (z * z) + 3 / (z * z * z * z);
    return (lnPhi - Math.log(z) + Math.log(series)) / Math.log(10);
  }

  /** One null observation: a tensor pair from two independent models. */
  record Sample(Kind kind, double pearson, long elements) {}

  static Calibration fit(List<Sample> samples) {
    Map<Kind, List<Sample>> byKind = new EnumMap<>(Kind.class);
    for (Sample s : samples) {
      byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s);
    }
    Map<Kind, Null> nulls = new EnumMap<>(Kind.class);
    byKind.forEach((kind, list) -> {
      double mean =
          list.stream().mapToDouble(s -> fisher(s.pearson(), s.elements())).average().orElse(0);
      double var =
          list.stream()
                  .mapToDouble(s -> Math.pow(fisher(s.pearson(), s.elements()) - mean, 2))
                  .sum()
              / Math.max(1, list.size() - 1);
      double maxR = list.stream().mapToDouble(s -> Math.abs(s.pearson())).max().orElse(0);
      // Few samples cannot narrow the analytic null, and a mean far from 0 would need many.
      double sd = Math.max(1, Math.sqrt(var));
      double shrunk = list.size() >= 10 ? mean : 0;
      nulls.put(kind, new Null(shrunk, sd, list.size(), maxR));
    });
    return new Calibration(nulls);
  }

  /** Combines observations of several fits by refitting on their union. */
  static Calibration fitPairs(List<List<Sample>> pairs) {
    List<Sample> all = new ArrayList<>();
    pairs.forEach(all::addAll);
    return fit(all);
  }
}
