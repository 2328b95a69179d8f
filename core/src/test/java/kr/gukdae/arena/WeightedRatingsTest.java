package kr.gukdae.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Battle weights: 1 changes nothing, 2 counts like the battle twice, bootstraps keep weights. */
class WeightedRatingsTest {

  static final RatingOptions POINT = RatingOptions.builder().bootstrap(0).threads(1).build();

  static Map<String, Double> ratings(Leaderboard board) {
    Map<String, Double> out = new HashMap<>();
    board.ratings().forEach(r -> out.put(r.model(), r.rating()));
    return out;
  }

  static void assertSameRatings(Leaderboard a, Leaderboard b, double tolerance) {
    Map<String, Double> ra = ratings(a);
    Map<String, Double> rb = ratings(b);
    assertThat(ra.keySet()).isEqualTo(rb.keySet());
    ra.forEach((m, v) -> assertThat(v).as(m).isCloseTo(rb.get(m), within(tolerance)));
  }

  @Test
  void weightsOfOneGiveExactlyTheUnweightedLeaderboards() {
    List<Battle> plain = Simulated.battles(new double[] {1100, 1000, 950, 900}, 800, 0.2, 40, 3);
    List<Battle> ones = plain.stream().map(b -> b.withWeight(1.0)).toList();
    var options = RatingOptions.builder().bootstrap(50).seed(9).threads(2).build();
    for (Method m : Method.values()) {
      assertThat(Ratings.rate(ones, m, options))
          .as(m.name())
          .isEqualTo(Ratings.rate(plain, m, options));
    }
  }

  @Test
  void weightTwoEqualsTheBattleTwiceForBradleyTerryAndStyleControl() {
    for (long seed = 1; seed <= 25; seed++) {
      Random rnd = new Random(seed);
      int models = 3 + rnd.nextInt(5);
      double[] points = Simulated.strengths(models, 200, rnd);
      List<Battle> base = Simulated.battles(points, 60 + rnd.nextInt(300), 0.25, 60, seed);
      List<Battle> weighted = new ArrayList<>();
      List<Battle> duplicated = new ArrayList<>();
      for (Battle b : base) {
        boolean twice = rnd.nextInt(3) == 0;
        weighted.add(twice ? b.withWeight(2.0) : b);
        duplicated.add(b);
        if (twice) {
          duplicated.add(b);
        }
      }
      assertSameRatings(
          Ratings.bradleyTerry(weighted, POINT), Ratings.bradleyTerry(duplicated, POINT), 1e-6);
      Leaderboard sw = Ratings.styleControlled(weighted, POINT);
      Leaderboard sd = Ratings.styleControlled(duplicated, POINT);
      assertSameRatings(sw, sd, 1e-6);
      for (int k = 0; k < sw.style().size(); k++) {
        assertThat(sw.style().get(k).points()).isCloseTo(sd.style().get(k).points(), within(1e-6));
      }
    }
  }

  @Test
  void weightsMatterAndScaleFreeBradleyTerry() {
    for (long seed = 1; seed <= 20; seed++) {
      Random rnd = new Random(seed);
      List<Battle> base =
          Simulated.battles(Simulated.strengths(5, 150, rnd), 400, 0.15, seed + 100);
      List<Battle> weighted =
          base.stream().map(b -> b.withWeight(1.0 / (1 + rnd.nextInt(4)))).toList();
      // Scaling every weight by the same factor is the same evidence, up to the tiny ridge term.
      List<Battle> scaled = weighted.stream().map(b -> b.withWeight(b.weight() * 3)).toList();
      assertSameRatings(
          Ratings.bradleyTerry(weighted, POINT), Ratings.bradleyTerry(scaled, POINT), 0.05);
    }
    // One pair where the winner's battles are nearly worthless: weights must flip the order.
    List<Battle> battles = new ArrayList<>();
    for (int k = 0; k < 30; k++) {
      battles.add(battle("x", "y", Outcome.MODEL_A, 0.05));
    }
    for (int k = 0; k < 10; k++) {
      battles.add(battle("x", "y", Outcome.MODEL_B, 1.0));
    }
    Leaderboard board = Ratings.bradleyTerry(battles, POINT);
    assertThat(board.ratings().get(0).model()).isEqualTo("y");
    assertThat(board.find("x").orElseThrow().battles()).isEqualTo(40);
    // 10 wins against 1.5 weighted wins: r_y − r_x = ln(10/1.5), centred at 1000.
    assertThat(board.find("y").orElseThrow().rating())
        .isCloseTo(1000 + 0.5 * Scale.POINTS_PER_NAT * Math.log(10 / 1.5), within(0.05));
  }

  @Test
  void onlineEloScalesEachUpdateByItsWeight() {
    Leaderboard half = Ratings.onlineElo(List.of(battle("x", "y", Outcome.MODEL_A, 0.5)), POINT);
    // K·w·(1 − 1/2) = 4 · 0.5 · 0.5.
    assertThat(half.find("x").orElseThrow().rating()).isCloseTo(1001, within(1e-12));
    assertThat(half.find("y").orElseThrow().rating()).isCloseTo(999, within(1e-12));
    Leaderboard tie = Ratings.onlineElo(List.of(battle("x", "y", Outcome.TIE, 3)), POINT);
    assertThat(tie.find("x").orElseThrow().rating()).isCloseTo(1000, within(1e-12));
  }

  @Test
  void aggregatedCellsCarryEachBattlesWeight() {
    for (long seed = 1; seed <= 30; seed++) {
      Random rnd = new Random(seed);
      List<Battle> battles =
          Simulated.battles(Simulated.strengths(4 + rnd.nextInt(4), 200, rnd), 300, 0.3, seed)
              .stream()
              .map(b -> rnd.nextBoolean() ? b : b.withWeight(1.0 / (2 + rnd.nextInt(3))))
              .toList();
      PairCounts counts = PairCounts.of(battles);
      double[] wi = new double[counts.pairCount()];
      double[] wj = new double[counts.pairCount()];
      counts.weights(counts.cells, wi, wj);
      Map<String, Double> expected = new HashMap<>();
      for (Battle b : battles) {
        double a = b.scoreA() * b.weight();
        double c = (1 - b.scoreA()) * b.weight();
        expected.merge(b.modelA() + ">" + b.modelB(), a, Double::sum);
        expected.merge(b.modelB() + ">" + b.modelA(), c, Double::sum);
      }
      for (int k = 0; k < counts.pairCount(); k++) {
        String x = counts.models[counts.i[k]];
        String y = counts.models[counts.j[k]];
        assertThat(wi[k]).isCloseTo(expected.getOrDefault(x + ">" + y, 0.0), within(1e-9));
        assertThat(wj[k]).isCloseTo(expected.getOrDefault(y + ">" + x, 0.0), within(1e-9));
      }
      long cellTotal = 0;
      for (long c : counts.cells) {
        cellTotal += c;
      }
      assertThat(cellTotal).isEqualTo(battles.size());
      assertThat(counts.games(counts.cells)).isEqualTo(counts.battlesPerModel);
    }
  }

  @Test
  void weightedBootstrapAgreesWithResamplingTheBattleList() {
    Random rnd = new Random(5);
    List<Battle> battles =
        Simulated.battles(new double[] {1080, 1020, 1000, 960, 940}, 600, 0.2, 77).stream()
            .map(b -> b.withWeight(1.0 / (1 + rnd.nextInt(3))))
            .toList();
    int rounds = 400;
    Leaderboard ours =
        Ratings.bradleyTerry(
            battles, RatingOptions.builder().bootstrap(rounds).seed(11).threads(2).build());
    // The definition: draw n battles with replacement (each keeps its weight) and refit.
    Map<String, double[]> naive = new HashMap<>();
    Random draw = new Random(13);
    for (int r = 0; r < rounds; r++) {
      List<Battle> sample = new ArrayList<>(battles.size());
      for (int t = 0; t < battles.size(); t++) {
        sample.add(battles.get(draw.nextInt(battles.size())));
      }
      int round = r;
      Ratings.bradleyTerry(sample, POINT)
          .ratings()
          .forEach(
              m -> naive.computeIfAbsent(m.model(), k -> new double[rounds])[round] = m.rating());
    }
    for (ModelRating row : ours.ratings()) {
      double lo = Scale.quantile(naive.get(row.model()), 0.025);
      double hi = Scale.quantile(naive.get(row.model()), 0.975);
      double width = hi - lo;
      assertThat(row.upper() - row.lower()).as(row.model()).isCloseTo(width, within(0.2 * width));
      assertThat(row.lower()).as(row.model()).isCloseTo(lo, within(0.2 * width));
      assertThat(row.upper()).as(row.model()).isCloseTo(hi, within(0.2 * width));
    }
  }

  static Battle battle(String a, String b, Outcome o, double weight) {
    return new Battle(a, b, o, Instant.EPOCH, "j", "ko", "").withWeight(weight);
  }
}
