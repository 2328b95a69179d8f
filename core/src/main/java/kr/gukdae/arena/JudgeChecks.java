package kr.gukdae.arena;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per-judge log-likelihood z-scores under a fitted leaderboard. */
final class JudgeChecks {

  private JudgeChecks() {}

  static List<JudgeCheck> check(List<Battle> battles, Leaderboard board, double threshold) {
    if (!(threshold > 0)) {
      // RatingsCommand refuses --check-judges <= 0 first
      throw new IllegalArgumentException("bug: z threshold must be > 0");
    }
    Map<String, Double> strength = new HashMap<>();
    for (ModelRating r : board.ratings()) {
      strength.put(r.model(), r.rating() / Scale.POINTS_PER_NAT);
    }
    Map<String, double[]> sums = new LinkedHashMap<>(); // votes, decisive, ll, mean, var
    for (Battle b : battles) {
      Double ra = strength.get(b.modelA());
      Double rb = strength.get(b.modelB());
      double[] acc = sums.computeIfAbsent(b.judge(), j -> new double[5]);
      acc[0]++;
      if (ra == null || rb == null || b.outcome().isTie()) {
        continue;
      }
      double d = ra - rb;
      double p = Newton.sigmoid(d);
      double lp = Newton.logSigmoid(d);
      double lq = Newton.logSigmoid(-d);
      acc[1]++;
      acc[2] += b.outcome() == Outcome.MODEL_A ? lp : lq;
      acc[3] += p * lp + (1 - p) * lq;
      acc[4] += p * (1 - p) * (lp - lq) * (lp - lq);
    }
    List<JudgeCheck> out = new ArrayList<>(sums.size());
    sums.forEach((judge, acc) -> {
      double z = acc[4] > 0 ? (acc[2] - acc[3]) / Math.sqrt(acc[4]) : 0;
      out.add(new JudgeCheck(judge, (int) acc[0], (int) acc[1], acc[2], acc[3], z, z < -threshold));
    });
    out.sort(Comparator.comparingDouble(JudgeCheck::z).thenComparing(JudgeCheck::judge));
    return out;
  }
}
