package kr.gukdae.arena;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;

/**
 * The public face of arena statistics: Bradley–Terry (FastChat's {@code compute_mle_elo}
 * conventions), online Elo, style-controlled Bradley–Terry, and the outlier-voter check.
 */
public final class Ratings {

  private Ratings() {}

  /** Dispatches on {@code method}. */
  public static Leaderboard rate(List<Battle> battles, Method method, RatingOptions options) {
    return switch (method) {
      case BT -> bradleyTerry(battles, options);
      case ELO -> onlineElo(battles, options);
      case STYLE -> styleControlled(battles, options);
    };
  }

  /**
   * Bradley–Terry by maximum likelihood on the models×models win counts (a tie counts half a win to
   * each side; each battle counts with its weight); 95% intervals from multinomial resampling of
   * the aggregated counts, which resamples battles with replacement, each keeping its weight.
   */
  public static Leaderboard bradleyTerry(List<Battle> battles, RatingOptions options) {
    requireBattles(battles);
    PairCounts counts = PairCounts.of(battles);
    int p = counts.modelCount();
    int pairs = counts.pairCount();
    double[] wi = new double[pairs];
    double[] wj = new double[pairs];
    counts.weights(counts.cells, wi, wj);
    double[] strengths = BradleyTerry.fit(p, counts.i, counts.j, wi, wj, options.l2(), null);
    double[] ratings = Scale.toRatings(strengths, counts.models, options.anchor());
    double[][] rounds =
        Bootstrap.rounds(
            options,
            rng -> {
              long[] drawn = new long[counts.cells.length];
              Binomial.multinomial(rng, counts.total, counts.cells, counts.total, drawn);
              double[] bi = new double[pairs];
              double[] bj = new double[pairs];
              counts.weights(drawn, bi, bj);
              double[] r = BradleyTerry.fit(p, counts.i, counts.j, bi, bj, options.l2(), strengths);
              return roundRatings(r, counts.games(drawn), counts.models, options);
            });
    return new Leaderboard(
        Method.BT,
        Bootstrap.leaderboardRows(counts.models, ratings, counts.battlesPerModel, rounds),
        battles.size(),
        options.bootstrapRounds(),
        List.of());
  }

  /**
   * Online Elo in list order (K = 4, base 10, scale 400, start 1000; each update scaled by the
   * battle's weight); bootstrap rounds replay battles drawn with replacement in random order, as
   * FastChat does.
   */
  public static Leaderboard onlineElo(List<Battle> battles, RatingOptions options) {
    requireBattles(battles);
    PairCounts counts = PairCounts.of(battles);
    String[] models = counts.models;
    Map<String, Integer> index = new HashMap<>();
    for (int k = 0; k < models.length; k++) {
      index.put(models[k], k);
    }
    int[][] ab = OnlineElo.indices(battles, index);
    int n = battles.size();
    double[] score = new double[n];
    double[] weight = new double[n];
    int[] inOrder = new int[n];
    for (int t = 0; t < n; t++) {
      score[t] = battles.get(t).scoreA();
      weight[t] = battles.get(t).weight();
      inOrder[t] = t;
    }
    double[] ratings = OnlineElo.run(models.length, ab[0], ab[1], score, weight, inOrder);
    if (options.anchor() != null) {
      Scale.recentre(ratings, models, options.anchor());
    }
    double[][] rounds =
        Bootstrap.rounds(
            options,
            rng -> {
              int[] order = new int[n];
              for (int t = 0; t < n; t++) {
                order[t] = rng.nextInt(n);
              }
              double[] r = OnlineElo.run(models.length, ab[0], ab[1], score, weight, order);
              return anchorRound(r, models, options);
            });
    return new Leaderboard(
        Method.ELO,
        Bootstrap.leaderboardRows(models, ratings, counts.battlesPerModel, rounds),
        n,
        options.bootstrapRounds(),
        List.of());
  }

  /**
   * Bradley–Terry with style covariates: logistic regression on model indicators plus the
   * standardised normalised differences (a − b)/(a + b) of each {@link StyleFeatures} value. Every
   * battle must carry style features.
   */
  public static Leaderboard styleControlled(List<Battle> battles, RatingOptions options) {
    requireBattles(battles);
    return StyleControl.rate(battles, options);
  }

  /**
   * Flags judges whose decisive votes fit the leaderboard far worse than chance variation allows: a
   * per-judge log-likelihood z-score (see {@link JudgeCheck}); flagged when z &lt; −threshold.
   */
  public static List<JudgeCheck> judgeOutliers(
      List<Battle> battles, Leaderboard board, double zThreshold) {
    return JudgeChecks.check(battles, board, zThreshold);
  }

  static double[] roundRatings(
      double[] strengths, int[] games, String[] models, RatingOptions options) {
    double[] r = new double[strengths.length];
    for (int k = 0; k < r.length; k++) {
      r[k] = games[k] == 0 ? Double.NaN : Scale.POINTS_PER_NAT * strengths[k];
    }
    if (options.anchor() == null) {
      Scale.recentre(r, models, null);
      return r;
    }
    return anchorRound(r, models, options);
  }

  /** A round lacking the anchor model cannot be placed on the scale; it counts as missing. */
  private static double[] anchorRound(double[] r, String[] models, RatingOptions options) {
    if (options.anchor() == null) {
      return r;
    }
    int at = java.util.Arrays.asList(models).indexOf(options.anchor().model());
    if (at < 0) {
      Scale.recentre(r, models, options.anchor()); // throws the user-facing error
    }
    if (Double.isNaN(r[at])) {
      java.util.Arrays.fill(r, Double.NaN);
      return r;
    }
    Scale.recentre(r, models, options.anchor());
    return r;
  }

  private static void requireBattles(List<Battle> battles) {
    if (battles.isEmpty()) {
      throw UserError.of(
          "평가할 대결이 없습니다 (파일이나 고른 부분이 비어 있습니다). --category와 --min-battles를" + " 확인하세요",
          "no battles to rate (the file or the chosen slice is empty); check --category and --min-battles");
    }
  }
}
