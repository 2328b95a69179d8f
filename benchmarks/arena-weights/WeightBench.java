// Benchmark driver (run by run.sh as a single-file Java program against the core classes).
// Times Bradley–Terry + bootstrap on the same generated battles unweighted and with arena-style
// duplicate-prompt weights (1/n), one thread, and prints both side by side with their ratio.
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import kr.gukdae.arena.Battle;
import kr.gukdae.arena.Leaderboard;
import kr.gukdae.arena.Outcome;
import kr.gukdae.arena.RatingOptions;
import kr.gukdae.arena.Ratings;

public class WeightBench {

  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    int models = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    double share = Double.parseDouble(args[3]);
    Random rnd = new Random(20260101L);
    double[] s = new double[models];
    for (int m = 0; m < models; m++) {
      s[m] = (rnd.nextDouble() * 2 - 1) * 300;
    }
    List<Battle> plain = new ArrayList<>(n);
    List<Battle> weighted = new ArrayList<>(n);
    for (int t = 0; t < n; t++) {
      int a = rnd.nextInt(models);
      int b = rnd.nextInt(models - 1);
      if (b >= a) {
        b++;
      }
      double pA = 1 / (1 + Math.pow(10, (s[b] - s[a]) / 400));
      double u = rnd.nextDouble();
      Outcome o = u < 0.1 ? Outcome.TIE : rnd.nextDouble() < pA ? Outcome.MODEL_A : Outcome.MODEL_B;
      Battle battle = new Battle("m" + a, "m" + b, o, Instant.EPOCH, "j", "ko", "");
      plain.add(battle);
      // A repeated prompt: the 2nd to 10th use of it weighs 1/2 .. 1/10.
      weighted.add(rnd.nextDouble() < share ? battle.withWeight(1.0 / (2 + rnd.nextInt(9))) : battle);
    }
    // Warm-up on the full lists: the weighted aggregation path needs a few passes before the JIT
    // has compiled it (timing after a small warm-up overstated its cost twofold).
    var warm = RatingOptions.builder().bootstrap(10).threads(1).build();
    for (int rep = 0; rep < 3; rep++) {
      Ratings.bradleyTerry(plain, warm);
      Ratings.bradleyTerry(weighted, warm);
    }
    var options = RatingOptions.builder().bootstrap(rounds).seed(7).threads(1).build();
    double[] p = time(plain, options);
    double[] w = time(weighted, options);
    System.out.printf(Locale.ROOT, "%d battles, %d models, %d rounds, %.0f%% weighted (1/2..1/10), 1 thread%n",
        n, models, rounds, share * 100);
    System.out.printf(Locale.ROOT, "%-34s %12s %12s %8s%n", "", "unweighted", "weighted", "ratio");
    System.out.printf(Locale.ROOT, "%-34s %11.3fs %11.3fs %7.2fx%n", "point fit (incl. aggregation)", p[0], w[0], w[0] / p[0]);
    System.out.printf(Locale.ROOT, "%-34s %11.3fs %11.3fs %7.2fx%n", "BT + bootstrap", p[1], w[1], w[1] / p[1]);
    System.out.printf(Locale.ROOT, "%-34s %11.4fs %11.4fs %7.2fx%n", "per bootstrap round", (p[1] - p[0]) / rounds,
        (w[1] - w[0]) / rounds, (w[1] - w[0]) / (p[1] - p[0]));
  }

  static double[] time(List<Battle> battles, RatingOptions options) {
    long t0 = System.nanoTime();
    Leaderboard point = Ratings.bradleyTerry(battles, RatingOptions.builder().bootstrap(0).build());
    double pointS = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    Leaderboard boot = Ratings.bradleyTerry(battles, options);
    double bootS = (System.nanoTime() - t0) / 1e9;
    if (point.ratings().isEmpty() || boot.ratings().isEmpty()) {
      throw new IllegalStateException("empty leaderboard");
    }
    return new double[] {pointS, bootS};
  }
}
