package kr.gukdae.arena;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.IntStream;
import kr.gukdae.UserError;

/**
 * Runs bootstrap rounds in parallel. Each round gets its own generator, seeded from the master seed
 * in round order, so results are identical for any thread count.
 */
final class Bootstrap {

  private Bootstrap() {}

  /** Row r holds the ratings of round r (NaN where a model was absent from the resample). */
  static double[][] rounds(RatingOptions options, Function<SplittableRandom, double[]> round) {
    int n = options.bootstrapRounds();
    long[] seeds = new long[n];
    SplittableRandom master = new SplittableRandom(options.seed());
    for (int r = 0; r < n; r++) {
      seeds[r] = master.nextLong();
    }
    double[][] out = new double[n][];
    if (options.threads() == 1 || n < 2) {
      for (int r = 0; r < n; r++) {
        out[r] = round.apply(new SplittableRandom(seeds[r]));
      }
      return out;
    }
    ForkJoinPool pool = new ForkJoinPool(options.threads());
    try {
      pool.submit(() ->
              IntStream.range(0, n)
                  .parallel()
                  .forEach(r -> out[r] = round.apply(new SplittableRandom(seeds[r]))))
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      // the server is shutting down or the person stopped the command: they read why
      throw UserError.of(
          "순위의 신뢰 구간(부트스트랩)을 계산하는 중에 중단되었습니다. 다시 실행하세요",
          "interrupted while computing the ratings' confidence intervals (bootstrap); run again",
          e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      // a round is a Function: it throws no checked exception
      throw new IllegalStateException("bug: a bootstrap round threw " + e.getCause(), e);
    } finally {
      pool.shutdown();
    }
    return out;
  }

  /** Column quantile over rounds. */
  static double quantile(double[][] rounds, int column, double q) {
    double[] v = new double[rounds.length];
    for (int r = 0; r < rounds.length; r++) {
      v[r] = rounds[r][column];
    }
    return Scale.quantile(v, q);
  }

  /** Rows best first with 95% intervals (degenerate without rounds) and interval-based ranks. */
  static List<ModelRating> leaderboardRows(
      String[] models, double[] ratings, int[] battles, double[][] rounds) {
    int p = models.length;
    double[] lower = new double[p];
    double[] upper = new double[p];
    for (int k = 0; k < p; k++) {
      lower[k] = rounds.length == 0 ? ratings[k] : quantile(rounds, k, 0.025);
      upper[k] = rounds.length == 0 ? ratings[k] : quantile(rounds, k, 0.975);
    }
    List<ModelRating> rows = new ArrayList<>(p);
    for (int k = 0; k < p; k++) {
      int above = 0;
      for (int m = 0; m < p; m++) {
        if (lower[m] > upper[k]) {
          above++;
        }
      }
      rows.add(new ModelRating(models[k], ratings[k], lower[k], upper[k], battles[k], 1 + above));
    }
    rows.sort(
        Comparator.comparingDouble(ModelRating::rating)
            .reversed()
            .thenComparing(ModelRating::model));
    return rows;
  }
}
